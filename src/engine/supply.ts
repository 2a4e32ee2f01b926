// Supply and inventory: per SKU safety stock, reorder point, EOQ, average inventory, turnover and days
// of inventory, with stock-out and overstock flags; in total the capital tied up in stock by month, its
// holding cost and the warehouses' fixed costs.
//
// Conventions (documented in each figure's explanation too):
// - Demand is the SKU's forecast run rate: daily = monthlyUnits / 30.4375 (DAYS_PER_MONTH), annual =
//   monthlyUnits × 12. Turnover and days of inventory are annual rates, independent of the horizon.
// - Average inventory = safety stock + EOQ / 2 (cycle stock of a steady EOQ policy). When EOQ is
//   undefined (holding cost 0) only the safety stock is counted.
// - Lead time: the override's leadTimeDays, else the supplier's; σL is the supplier's (0 without one).
// - Without an inventory policy in supply.yaml the service level is 95 %, holding and order costs 0.
// - Capital tied up counts a SKU from its launch month on (all months without a launch; phase-out SKUs
//   too, their stock is still held).
// - Totals: turnover = Σ annual COGS / Σ average inventory value (the value-weighted mean of the SKU
//   turnovers); days of inventory = 365 / turnover.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { amount, ref } from '../model/facts.ts';
import { finding, type Finding } from '../model/findings.ts';
import { explain } from './explain.ts';
import { fen, ratio, seriesOf } from './series.ts';
import { fromMinor, toMinor } from './money.ts';
import { DAYS_PER_MONTH, dailyStdDev, eoq, reorderPoint, safetyStock, zScore } from './safety-stock.ts';
import type { SkuSupply, SupplyResult } from '../model/result/supply.ts';

/** Service level used when supply.yaml has no inventory policy. */
export const DEFAULT_SERVICE_LEVEL = 0.95;
const DAYS_PER_YEAR = 365;

export function computeSupply(input: PlanInput, months: readonly string[]): SupplyResult {
  const supply = input.supply;
  const policy = supply?.inventory;
  const suppliers = new Map((supply?.suppliers ?? []).map((s, i) => [s.id, { s, i }]));
  const overrides = new Map((policy?.overrides ?? []).map((o, i) => [o.sku, { o, i }]));
  const holdingRate = policy?.holdingCostRate ?? 0;
  const orderCost = policy?.orderCost ?? 0;
  const maxDays = policy?.maxDaysOfInventory;

  const skus: Record<string, SkuSupply> = {};
  const annualCogs: Record<string, number> = {};
  (input.products?.skus ?? []).forEach((sku, k) => {
    const p = (path: string) => ({ file: 'products.yaml', path: `skus[${k}].${path}` });
    const found = sku.supplier ? suppliers.get(sku.supplier) : undefined;
    const sp = (path: string) => ({ file: 'supply.yaml', path: `suppliers[${found?.i}].${path}` });
    const ov = overrides.get(sku.id);
    const op = (path: string) => ({ file: 'supply.yaml', path: `inventory.overrides[${ov?.i}].${path}` });

    const serviceLevel = ov?.o.serviceLevel ?? policy?.serviceLevel ?? DEFAULT_SERVICE_LEVEL;
    const serviceLevelInput =
      ov?.o.serviceLevel !== undefined
        ? { name: 'service level', value: serviceLevel, source: op('serviceLevel') }
        : policy
          ? { name: 'service level', value: serviceLevel, source: { file: 'supply.yaml', path: 'inventory.serviceLevel' } }
          : { name: 'service level (default, no inventory policy)', value: serviceLevel };
    const z = zScore(serviceLevel);

    const leadTimeDays = ov?.o.leadTimeDays ?? found?.s.leadTimeDays ?? 0;
    const leadTimeInput =
      ov?.o.leadTimeDays !== undefined
        ? { name: 'L (lead time, days)', value: leadTimeDays, source: op('leadTimeDays') }
        : found
          ? { name: 'L (lead time, days)', value: leadTimeDays, source: sp('leadTimeDays') }
          : { name: 'L (lead time, days; no supplier)', value: 0 };
    const leadTimeStdDevDays = found?.s.leadTimeStdDevDays ?? 0;
    const sigmaLInput = found ? { name: 'σL (days)', value: leadTimeStdDevDays, source: sp('leadTimeStdDevDays') } : { name: 'σL (days; no supplier)', value: 0 };

    const monthlyUnits = Math.max(0, sku.forecast.monthlyUnits);
    const unitsInput = { name: 'monthly units', value: monthlyUnits, source: p('forecast.monthlyUnits') };
    const sigmaMonthInput = { name: 'σ monthly demand', value: sku.forecast.demandStdDev, source: p('forecast.demandStdDev') };
    const costInput = { name: 'unit cost', value: sku.cost, source: p('cost') };
    const daysInput = { name: 'days per month (365.25 / 12)', value: DAYS_PER_MONTH };

    const dailyDemand = monthlyUnits / DAYS_PER_MONTH;
    const dailyDemandStdDev = dailyStdDev(Math.max(0, sku.forecast.demandStdDev));
    const ss = safetyStock({ z, leadTimeDays, leadTimeStdDevDays, dailyDemand, dailyDemandStdDev });
    const rop = reorderPoint({ dailyDemand, leadTimeDays, safetyStock: ss });
    const annualUnits = monthlyUnits * 12;
    const holdingPerUnit = Math.max(0, sku.cost) * holdingRate;
    const q = eoq({ annualDemand: annualUnits, orderCost, holdingCostPerUnitYear: holdingPerUnit });
    const averageInventoryUnits = ss + (q ?? 0) / 2;
    const inventoryValue = fen(averageInventoryUnits * Math.max(0, sku.cost));
    const cogs = fen(annualUnits * Math.max(0, sku.cost));
    annualCogs[sku.id] = cogs;
    const turnover = ratio(cogs, inventoryValue);
    const daysOfInventory = turnover ? DAYS_PER_YEAR / turnover : null;

    const opening = policy?.openingStock?.[sku.id];
    const openingStock = opening === undefined ? null : opening;
    const openingInput = openingStock === null ? null : { name: 'opening stock', value: openingStock, source: { file: 'supply.yaml', path: `inventory.openingStock.${sku.id}` } };
    const stockOut = openingStock !== null && openingStock < rop;
    // Days of cover of the opening stock; with no demand any stock covers forever.
    const cover = openingStock === null ? null : dailyDemand > 0 ? openingStock / dailyDemand : openingStock > 0 ? Infinity : 0;
    const overstock = cover !== null && maxDays !== undefined && cover > maxDays;

    const holdingInputs = [
      { name: 'S (order cost)', value: orderCost, ...(policy ? { source: { file: 'supply.yaml', path: 'inventory.orderCost' } } : {}) },
      { name: 'holding cost rate', value: holdingRate, ...(policy ? { source: { file: 'supply.yaml', path: 'inventory.holdingCostRate' } } : {}) },
      costInput,
    ];
    skus[sku.id] = {
      id: sku.id,
      supplier: found ? found.s.id : null,
      serviceLevel,
      z,
      dailyDemand,
      leadTimeDays,
      safetyStock: ss,
      reorderPoint: rop,
      eoq: q,
      averageInventoryUnits,
      inventoryValue,
      turnover,
      daysOfInventory,
      openingStock,
      stockOut,
      overstock,
      explain: {
        z: explain('z = standard normal quantile of the service level (Φ⁻¹)', serviceLevelInput),
        dailyDemand: explain('d = monthly units ÷ 30.4375 days; σd = σ monthly ÷ √30.4375', unitsInput, sigmaMonthInput, daysInput),
        safetyStock: explain(
          'safety stock = z × √(L × σd² + d² × σL²)',
          { name: 'z', value: z },
          leadTimeInput,
          sigmaLInput,
          { name: 'd (units/day)', value: dailyDemand },
          { name: 'σd (units/day)', value: dailyDemandStdDev },
        ),
        reorderPoint: explain('reorder point = d × L + safety stock', { name: 'd (units/day)', value: dailyDemand }, leadTimeInput, { name: 'safety stock', value: ss }),
        eoq: explain(
          q === null ? 'EOQ = √(2 × D × S ÷ H): undefined, holding stock costs nothing (H = 0)' : 'EOQ = √(2 × D × S ÷ H), D = monthly units × 12, H = unit cost × holding cost rate',
          { name: 'D (units/year)', value: annualUnits },
          ...holdingInputs,
        ),
        averageInventoryUnits: explain(
          q === null ? 'average inventory = safety stock (EOQ undefined: cycle stock left out)' : 'average inventory = safety stock + EOQ ÷ 2',
          { name: 'safety stock', value: ss },
          { name: 'EOQ', value: q ?? 'undefined' },
        ),
        inventoryValue: explain('inventory value = average inventory units × unit cost', { name: 'average inventory units', value: averageInventoryUnits }, costInput),
        turnover: explain('turnover = annual COGS ÷ inventory value; annual COGS = monthly units × 12 × unit cost', { name: 'annual COGS', value: cogs }, { name: 'inventory value', value: inventoryValue }),
        daysOfInventory: explain('days of inventory = 365 ÷ turnover', { name: 'turnover', value: turnover ?? 'undefined' }),
        stockOut: explain(
          openingStock === null ? 'stock-out: no opening stock given, not checked' : 'stock-out when opening stock < reorder point',
          ...(openingInput ? [openingInput] : []),
          { name: 'reorder point', value: rop },
        ),
        overstock: explain(
          openingStock === null || maxDays === undefined ? 'overstock: no opening stock or maximum days given, not checked' : 'overstock when opening stock ÷ d > maximum days of inventory',
          ...(openingInput ? [openingInput] : []),
          { name: 'd (units/day)', value: dailyDemand },
          ...(maxDays !== undefined ? [{ name: 'maximum days of inventory', value: maxDays, source: { file: 'supply.yaml', path: 'inventory.maxDaysOfInventory' } }] : []),
        ),
      },
    };
  });

  const list = Object.values(skus);
  const inventoryValue = fromMinor(list.reduce((sum, s) => sum + toMinor(s.inventoryValue), 0));
  const totalCogs = Object.values(annualCogs).reduce((a, b) => a + b, 0);
  const turnover = ratio(totalCogs, inventoryValue);
  const daysOfInventory = turnover ? DAYS_PER_YEAR / turnover : null;

  const launches = new Map((input.products?.skus ?? []).map((s) => [s.id, s.launch]));
  const capitalTied = seriesOf(months, (m) =>
    fromMinor(list.reduce((sum, s) => {
      const launch = launches.get(s.id);
      return launch !== undefined && m < launch ? sum : sum + toMinor(s.inventoryValue);
    }, 0)),
  );
  const holdingCost = seriesOf(months, (m) => fen(((capitalTied[m] ?? 0) * holdingRate) / 12));
  const fixed = fromMinor((supply?.warehouses ?? []).reduce((sum, w) => sum + toMinor(w.monthlyFixedCost), 0));
  const warehouseFixed = seriesOf(months, () => fixed);

  return { skus, inventoryValue, turnover, daysOfInventory, capitalTied, holdingCost, warehouseFixed };
}

/** A finding per SKU whose opening stock is below its reorder point (stock-out) or above the cover limit (overstock). */
export function supplyFindings(result: SupplyResult, input: PlanInput): Finding[] {
  const maxDays = input.supply?.inventory?.maxDaysOfInventory;
  const out: Finding[] = [];
  for (const s of Object.values(result.skus)) {
    if (s.openingStock === null) continue;
    const subject = { entity: ref('sku', s.id), file: 'supply' as const, path: ['inventory', 'openingStock', s.id] };
    const openingStock = amount(s.openingStock, 'count');
    if (s.stockOut) out.push(finding('stock-out', subject, { openingStock, reorderPoint: amount(s.reorderPoint, 'count'), safetyStock: amount(s.safetyStock, 'count') }));
    if (s.overstock && maxDays !== undefined) {
      // No demand (or so little that the days overflow): the stock covers any number of days.
      const days = s.openingStock / s.dailyDemand;
      out.push(finding('overstock', subject, { openingStock, daysOfCover: s.dailyDemand > 0 && Number.isFinite(days) ? amount(days, 'days') : null, maximumDays: amount(maxDays, 'days') }));
    }
  }
  return out;
}
