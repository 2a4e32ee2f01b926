// Systems results: cost per system and month (src/engine/systems.ts).
import type { SystemsFile } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

type System = NonNullable<SystemsFile['systems']>[number];

export interface SystemResult {
  id: string;
  kind: System['kind'];
  status: System['status'];
  goLive: string | null;
  cost: Series;
  total: number;
  explain: Explanation;
}

export interface SystemsResult {
  items: Record<string, SystemResult>;
  cost: Series;
}
