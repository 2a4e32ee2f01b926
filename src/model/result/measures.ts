// The engine measures: the numbers a KPI can be bound to with `measure:` and targets are judged on (src/engine/measures.ts).
import type { KpisFile } from '../plan-input.generated.ts';

export type Measure = NonNullable<NonNullable<KpisFile['kpis']>[number]['measure']>;
