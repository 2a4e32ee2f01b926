// References between plan entries resolve: a SKU's category, a KPI's owner team, a risk trigger's KPI …
import type { Check, CheckContext } from '../check-context.ts';
import type { PlanFileKey } from '../../model/plan-files.ts';
import { select } from '../../model/select.ts';
import { closest } from '../../model/closest.ts';
import { orderProfileId } from '../../model/order-profile.ts';

interface Collection {
  file: PlanFileKey;
  pattern: string;
  /** What the entries are called in messages. */
  noun: string;
}

/** Things that can be referred to, and where their ids are defined. */
const COLLECTIONS = {
  team: { file: 'org', pattern: 'teams.*.id', noun: 'team' },
  channel: { file: 'channels', pattern: 'channels.*.id', noun: 'sales channel' },
  seasonality: { file: 'targets', pattern: 'seasonality.*.id', noun: 'seasonality profile' },
  festival: { file: 'targets', pattern: 'festivals.*.id', noun: 'festival' },
  target: { file: 'targets', pattern: 'targets.*.id', noun: 'target' },
  category: { file: 'products', pattern: 'categories.*.id', noun: 'product category' },
  sku: { file: 'products', pattern: 'skus.*.id', noun: 'SKU' },
  criterion: { file: 'products', pattern: 'selectionCriteria.*.id', noun: 'selection criterion' },
  supplier: { file: 'supply', pattern: 'suppliers.*.id', noun: 'supplier' },
  dimension: { file: 'strategy', pattern: 'competitors.dimensions.*.id', noun: 'competitor dimension' },
  tier: { file: 'users', pattern: 'membership.tiers.*.id', noun: 'membership tier' },
  marketingChannel: { file: 'marketing', pattern: 'channels.*.id', noun: 'marketing channel' },
  kpi: { file: 'kpis', pattern: 'kpis.*.id', noun: 'KPI' },
  system: { file: 'systems', pattern: 'systems.*.id', noun: 'system' },
} as const satisfies Record<string, Collection>;

type CollectionName = keyof typeof COLLECTIONS;

/** Where references are written: [file, pattern, collection]. `#` selects mapping keys. */
export const REFERENCES: ReadonlyArray<readonly [PlanFileKey, string, CollectionName]> = [
  ['plan', 'preparedBy', 'team'],
  ['strategy', 'personas.*.behaviour.preferredChannels.*', 'channel'],
  ['strategy', 'channelMix.*.channel', 'channel'],
  ['strategy', 'competitors.list.*.scores.#', 'dimension'],
  ['targets', 'targets.*.owner', 'team'],
  ['targets', 'targets.*.seasonality', 'seasonality'],
  ['targets', 'festivals.*.platforms.*', 'channel'],
  ['channels', 'channels.*.seasonality', 'seasonality'],
  ['channels', 'channels.*.owner', 'team'],
  ['products', 'skus.*.category', 'category'],
  ['products', 'skus.*.scores.#', 'criterion'],
  ['products', 'skus.*.channels.*', 'channel'],
  ['products', 'skus.*.supplier', 'supplier'],
  ['promotions', 'promotions.*.festival', 'festival'],
  ['promotions', 'promotions.*.channels.*', 'channel'],
  ['promotions', 'promotions.*.skus.*', 'sku'],
  ['promotions', 'promotions.*.owner', 'team'],
  ['supply', 'suppliers.*.backup', 'supplier'],
  ['supply', 'warehouses.*.channels.*', 'channel'],
  ['supply', 'logistics.*.channels.*', 'channel'],
  ['supply', 'inventory.openingStock.#', 'sku'],
  ['supply', 'inventory.overrides.*.sku', 'sku'],
  ['users', 'lifecycle.stages.*.owner', 'team'],
  ['users', 'rfm.segments.*.tier', 'tier'],
  ['users', 'rfm.segments.*.channel', 'marketingChannel'],
  ['users', 'cx.standards.*.owner', 'team'],
  ['marketing', 'channels.*.drives.*', 'channel'],
  ['marketing', 'channels.*.budget.phasing', 'seasonality'],
  ['marketing', 'channels.*.owner', 'team'],
  ['marketing', 'experiments.*.channel', 'marketingChannel'],
  ['marketing', 'experiments.*.metric', 'kpi'],
  ['marketing', 'experiments.*.owner', 'team'],
  ['marketing', 'privateDomain.channel', 'channel'],
  ['kpis', 'kpis.*.owner', 'team'],
  ['kpis', 'kpis.*.targetRef', 'target'],
  ['kpis', 'northStar', 'kpi'],
  ['systems', 'systems.*.owner', 'team'],
  ['systems', 'systems.*.integrations.*', 'system'],
  ['systems', 'dataSources.*.system', 'system'],
  ['org', 'teams.*.parent', 'team'],
  ['org', 'roles.*.team', 'team'],
  ['org', 'roles.*.kpis.*', 'kpi'],
  ['org', 'training.*.audience.*', 'team'],
  ['org', 'incentives.*.team', 'team'],
  ['org', 'incentives.*.target', 'target'],
  ['risks', 'risks.*.owner', 'team'],
  ['risks', 'risks.*.trigger.kpi', 'kpi'],
  ['risks', 'compliance.*.owner', 'team'],
  ['review', 'cadence.*.participants.*', 'team'],
  ['review', 'cadence.*.owner', 'team'],
  ['review', 'decisions.*.owner', 'team'],
  ['data', 'sources.*.channel', 'channel'],
  ['data', 'sources.*.channelMap.*', 'channel'],
  ['data', 'actuals.*', 'kpi'],
];

export function idsOf(ctx: CheckContext, name: CollectionName): string[] {
  const c: Collection = COLLECTIONS[name];
  return select(ctx.input[c.file], c.pattern)
    .map((s) => s.value)
    .filter((v): v is string => typeof v === 'string');
}

export const checkReferences: Check = (ctx) => {
  const cache = new Map<CollectionName, Set<string>>();
  for (const [file, pattern, name] of REFERENCES) {
    if (!ctx.input[file]) continue;
    const collection: Collection = COLLECTIONS[name];
    let ids = cache.get(name);
    if (!ids) cache.set(name, (ids = new Set(idsOf(ctx, name))));
    // data.yaml publishes the order seasonality profile (`from-orders` unless renamed) for the others to name.
    const orderProfile = name === 'seasonality' ? orderProfileId(ctx.input.data) : undefined;
    if (orderProfile) ids.add(orderProfile);
    for (const ref of select(ctx.input[file], pattern)) {
      if (typeof ref.value !== 'string' || ids.has(ref.value)) continue;
      const fileName = `${collection.file}.yaml`;
      const guess = closest(ref.value, ids);
      const message = ctx.input[collection.file]
        ? `"${ref.value}" is not a ${collection.noun} in ${fileName}.${guess ? ` Did you mean "${guess}"?` : ''}`
        : `"${ref.value}" refers to a ${collection.noun}, but the plan has no ${fileName}.`;
      const known = [...ids];
      ctx.report('ref-unresolved', message, file, ref.segments, {
        key: ref.isKey,
        hint: known.length ? `Known ${collection.noun} ids: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ' …' : ''}.` : `Add the ${collection.noun} to ${fileName}.`,
      });
    }
  }
};
