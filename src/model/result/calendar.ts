// Calendar results: months, seasonality weights and festival windows of the horizon.
import type { Text } from '../plan-input.generated.ts';
import type { Series } from './series.ts';

export interface FestivalWindow {
  id: string;
  name: Text;
  start: string;
  end: string;
  /** Months the window touches (first to last, also outside the horizon). */
  months: string[];
  /** Calendar days in the window, both ends included. */
  days: number;
}

export interface CalendarResult {
  months: string[];
  quarters: string[];
  /** Profile id → share of the year per month, as written (0 where a month has no share). */
  seasonality: Record<string, Series>;
  festivals: FestivalWindow[];
}
