// The vocabulary of typed facts that findings and explanations carry instead of sentences: references to plan
// entries (shown by their names), numbers with their units, and places in plan files. Renderers (src/i18n)
// turn them into words; the engine never does.
import type { PathSegment } from './data-path.ts';
import type { PlanFileKey } from './plan-files.ts';

/** Lists of the plan whose entries have an id (and mostly a name) that findings and explanations refer to. */
export const ENTITY_KINDS = [
  'plan',
  'sku',
  'category',
  'criterion',
  'channel',
  'promotion',
  'festival',
  'seasonality',
  'supplier',
  'warehouse',
  'logistics',
  'stage',
  'tier',
  'marketing-channel',
  'experiment',
  'target',
  'milestone',
  'kpi',
  'team',
  'role',
  'training',
  'incentive',
  'system',
  'risk',
  'scenario',
  'driver',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A plan entry by its id; a milestone also names its target (`parent`). */
export interface EntityRef {
  entity: EntityKind;
  id: string;
  parent?: string;
}

export function ref(entity: EntityKind, id: string, parent?: string): EntityRef {
  return parent === undefined ? { entity, id } : { entity, id, parent };
}

/**
 * How a number reads: money in the plan's currency, a rate (decimal, shown as a percentage), a count of people,
 * orders or units (whole when shown), a ratio (ROAS 3.2), a plain number, a duration, a score.
 */
export const UNITS = ['money', 'rate', 'count', 'ratio', 'number', 'days', 'months', 'score', 'seconds', 'minutes', 'hours'] as const;
export type Unit = (typeof UNITS)[number];

/** A number with its unit. */
export interface Amount {
  value: number;
  unit: Unit;
}

export function amount(value: number, unit: Unit): Amount {
  return { value, unit };
}

/** The unit of a KPI (kpis.yaml `unit`: `yuan` is money). */
export function kpiUnit(unit: string): Unit {
  return unit === 'yuan' ? 'money' : (UNITS as readonly string[]).includes(unit) ? (unit as Unit) : 'number';
}

/** A place in a plan file: the file and the data path of the value (or, with `key`, of its key). */
export interface PlanPlace {
  file: PlanFileKey;
  path: PathSegment[];
  /** Point at the key rather than the value (a list, a mapping). */
  key?: boolean;
}
