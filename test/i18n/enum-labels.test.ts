// Every enum value of the content model that a reader can see has one label per locale, in the catalog
// (label.<enum>.<value>) — not in a page's own map. A new enum in a schema fails here until it is labelled
// or listed as never shown to readers.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG } from '../../src/i18n/catalog.ts';
import { LOCALES } from '../../src/i18n/locale.ts';

const SCHEMAS = join(import.meta.dirname, '../../schemas');

/** Which label group names each enum's values (schema file # JSON pointer of the enum's schema). */
const LABELLED: Record<string, string> = {
  'channels#/properties/channels/items/properties/platform': 'platform',
  'channels#/properties/channels/items/properties/model': 'channelModel',
  'kpis#/properties/kpis/items/properties/category': 'kpiCategory',
  'kpis#/properties/kpis/items/properties/dimension': 'kpiDimension',
  'kpis#/properties/kpis/items/properties/measure': 'measure',
  'kpis#/properties/kpis/items/properties/unit': 'kpiUnit',
  'kpis#/properties/kpis/items/properties/frequency': 'frequency',
  'kpis#/properties/kpis/items/properties/direction': 'direction',
  'marketing#/properties/channels/items/properties/kind': 'marketingKind',
  'marketing#/properties/channels/items/properties/pricing/properties/type': 'marketingPricing',
  'marketing#/properties/channels/items/properties/content/items/properties/format': 'contentFormat',
  'plan#/properties/assumptions/properties/ranges/items/properties/platform': 'platform',
  'products#/properties/skus/items/properties/role': 'role',
  'products#/properties/skus/items/properties/status': 'skuStatus',
  'products#/properties/skus/items/properties/pricing/properties/type': 'pricing',
  'promotions#/properties/promotions/items/properties/kind': 'promotionKind',
  'promotions#/properties/promotions/items/properties/mechanics/items/properties/type': 'mechanic',
  'review#/properties/cadence/items/properties/frequency': 'frequency',
  'risks#/properties/risks/items/properties/category': 'riskCategory',
  'risks#/properties/risks/items/properties/trigger/properties/window': 'triggerWindow',
  'risks#/properties/compliance/items/properties/area': 'complianceArea',
  'risks#/properties/compliance/items/properties/status': 'complianceStatus',
  'strategy#/properties/pest/items/properties/dimension': 'pestDimension',
  'strategy#/properties/pest/items/properties/impact': 'pestImpact',
  'strategy#/properties/trends/items/properties/kind': 'trendKind',
  'strategy#/properties/personas/items/properties/demographics/properties/cityTiers/items': 'cityTier',
  'strategy#/properties/businessModel/properties/models/items': 'channelModel',
  'supply#/properties/suppliers/items/properties/kind': 'supplierKind',
  'supply#/properties/warehouses/items/properties/kind': 'warehouseKind',
  'supply#/properties/logistics/items/properties/service': 'logisticsService',
  'systems#/properties/systems/items/properties/kind': 'systemKind',
  'systems#/properties/systems/items/properties/status': 'systemStatus',
  'systems#/properties/dataSources/items/properties/refresh': 'frequency',
  'targets#/properties/targets/items/properties/metric': 'metric',
  'targets#/properties/targets/items/if/properties/metric': 'metric',
  'users#/properties/lifecycle/properties/stages/items/properties/stage': 'lifecycleStage',
  'users#/properties/cx/properties/standards/items/properties/touchpoint': 'touchpoint',
  'users#/properties/cx/properties/standards/items/properties/direction': 'direction',
};

/** Enums a reader never sees as words (file formats, settings, operators shown as signs), with why. */
const NOT_SHOWN: Record<string, string> = {
  'data#/properties/seasonality/properties/metric': 'which order column to measure seasonality by; a setting',
  'data#/properties/rfm/properties/scoring': 'how RFM scores are cut; explained in a sentence, not labelled',
  'data#/$defs/source/properties/format': 'file format of an order export',
  'data#/$defs/source/properties/encoding': 'text encoding of an order export',
  'plan#/properties/company/properties/sector': 'selects the reference ranges; not shown',
  'plan#/properties/company/properties/taxpayer': 'selects the VAT rule; not shown',
  'plan#/properties/locales/items': 'the site languages, shown as the language switch',
  'plan#/properties/assumptions/properties/ranges/items/properties/metric': 'plausibility metrics are named by finding messages',
  'risks#/properties/risks/items/properties/trigger/properties/operator': 'shown as its sign (>, ≥, <, ≤)',
  'users#/properties/cx/properties/standards/items/properties/unit': 'shown as the unit of the formatted value',
};

function enums(): { id: string; values: string[] }[] {
  const found: { id: string; values: string[] }[] = [];
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'))) {
    const walk = (node: unknown, pointer: string) => {
      if (!node || typeof node !== 'object') return;
      const values = (node as { enum?: unknown }).enum;
      if (Array.isArray(values)) found.push({ id: `${file.replace('.schema.json', '')}#${pointer}`, values: values.map(String) });
      for (const [k, v] of Object.entries(node)) walk(v, `${pointer}/${k}`);
    };
    walk(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')), '');
  }
  return found;
}

describe('enum labels', () => {
  const all = enums();

  it('finds the content model’s enums', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all.map((e) => [e.id, e.values] as const))('%s is labelled in both locales or never shown', (id, values) => {
    const group = LABELLED[id];
    if (group === undefined) {
      expect(NOT_SHOWN[id], `${id}: label its values in src/i18n/messages/labels.ts and list it in LABELLED, or say why readers never see it`).toBeTruthy();
      return;
    }
    for (const value of values) {
      const message = (CATALOG as Record<string, Record<string, string>>)[`label.${group}.${value}`];
      expect(message, `label.${group}.${value}`).toBeDefined();
      for (const locale of LOCALES) expect(message![locale]?.trim(), `label.${group}.${value} ${locale}`).toBeTruthy();
    }
  });

  it('lists no enum that the schemas no longer have', () => {
    const ids = new Set(all.map((e) => e.id));
    expect([...Object.keys(LABELLED), ...Object.keys(NOT_SHOWN)].filter((id) => !ids.has(id))).toEqual([]);
  });
});
