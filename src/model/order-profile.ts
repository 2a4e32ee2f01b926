// The seasonality profile data.yaml publishes: the baseline year's monthly shape, under a reserved id.
import type { DataFile } from './plan-input.generated.ts';

export const DEFAULT_PROFILE_ID = 'from-orders';

/** The id under which data.yaml publishes its seasonality profile; undefined without data.yaml. */
export function orderProfileId(data: DataFile | undefined): string | undefined {
  return data ? (data.seasonality?.id ?? DEFAULT_PROFILE_ID) : undefined;
}
