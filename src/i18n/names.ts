// The plan's names for the entries findings and explanations refer to (typed references → the entry's own
// name text), and the plan's currency. Built once per plan; renderers pick the reader's language.
import type { PlanInput, Text } from '../model/plan-input.generated.ts';
import type { EntityKind, EntityRef } from '../model/facts.ts';
import type { Locale } from './locale.ts';
import { localText } from './text.ts';

export interface PlanNames {
  /** The entry's name as the plan writes it; undefined when the entry has none (or does not exist). */
  of(ref: EntityRef): Text | undefined;
  /** The plan's currency (ISO 4217), for money amounts. */
  currency: string;
}

type Named = { id: string; name?: Text; title?: Text };
type Lists = { [K in EntityKind]: (input: PlanInput, parent?: string) => readonly Named[] | undefined };

/** Where each kind of entry is listed in the plan. */
const LISTS: Lists = {
  // The plan itself, named by its company (findings about plan-wide numbers such as tax rates).
  plan: (p) => [{ id: p.plan.id, name: p.plan.company.name }],
  sku: (p) => p.products?.skus,
  category: (p) => p.products?.categories,
  criterion: (p) => p.products?.selectionCriteria,
  channel: (p) => p.channels?.channels,
  promotion: (p) => p.promotions?.promotions,
  festival: (p) => p.targets?.festivals,
  seasonality: (p) => p.targets?.seasonality,
  supplier: (p) => p.supply?.suppliers,
  warehouse: (p) => p.supply?.warehouses,
  logistics: (p) => p.supply?.logistics,
  stage: (p) => p.users?.lifecycle?.stages,
  tier: (p) => p.users?.membership?.tiers,
  'marketing-channel': (p) => p.marketing?.channels,
  experiment: (p) => p.marketing?.experiments,
  target: (p) => p.targets?.targets,
  milestone: (p, target) => p.targets?.targets?.find((t) => t.id === target)?.milestones,
  kpi: (p) => p.kpis?.kpis,
  team: (p) => p.org?.teams,
  role: (p) => p.org?.roles,
  training: (p) => p.org?.training,
  incentive: (p) => p.org?.incentives,
  system: (p) => p.systems?.systems,
  risk: (p) => p.risks?.risks,
  scenario: (p) => p.scenarios?.scenarios,
  driver: (p) => p.scenarios?.sensitivity?.drivers,
};

export function planNames(input: PlanInput): PlanNames {
  const cache = new Map<string, Map<string, Text | undefined>>();
  return {
    currency: input.plan.currency,
    of(r) {
      const list = `${r.entity}\u0000${r.parent ?? ''}`;
      let byId = cache.get(list);
      if (!byId) cache.set(list, (byId = new Map((LISTS[r.entity](input, r.parent) ?? []).map((e) => [e.id, e.name ?? e.title]))));
      return byId.get(r.id);
    },
  };
}

/** The entry's name in the locale; its id only when the plan gives it no name. */
export function nameOf(names: PlanNames, r: EntityRef, locale: Locale): string {
  return localText(names.of(r), locale) || r.id;
}
