// The core targets as a kit table (SMART: baseline, target, growth, projection, gap, status), and the cells
// a target's figures take anywhere on the targets page. The targets page and chapters show it.
import { t } from '../../i18n/catalog.ts';
import type { Locale } from '../../i18n/locale.ts';
import { localText } from '../../i18n/text.ts';
import { signedValue } from '../../i18n/verdict-text.ts';
import { verdictCell } from '../verdict-cell.ts';
import type { Unit } from '../../model/facts.ts';
import type { PeriodVerdict } from '../../model/result/target-verdicts.ts';
import type { Cell, Column, Row, TableSpec } from '../kit.ts';
import type { FigureData } from './figure-data.ts';

/** A figure in its target's unit. */
export const figureCell = (value: number | null | undefined, unit: Unit): Cell => ({ value: value ?? null, unit });
/** A gap with its sign, in the target's unit. */
export const gapCell = (v: PeriodVerdict, unit: Unit, locale: Locale, currency: string): Cell => signedValue(v.gap, unit, locale, currency);

/** `links`: each name links to its target's detail on the targets page. */
export function targetsTable({ input, result }: FigureData, locale: Locale, links = false): TableSpec {
  const cur = result.meta.currency;
  const columns: Column[] = [
    { key: 'name', label: t(locale, 'page.targets.goal') },
    { key: 'baseline', label: t(locale, 'ui.baseline'), format: 'number' },
    { key: 'value', label: t(locale, 'verdict.value'), format: 'number' },
    { key: 'growth', label: t(locale, 'ui.growth'), format: 'growth' },
    { key: 'projection', label: t(locale, 'ui.projection'), format: 'number' },
    { key: 'gap', label: t(locale, 'ui.gap'), format: 'number' },
    { key: 'status', label: t(locale, 'verdict.status') },
  ];
  const rows: Row[] = Object.values(result.targets).map((target) => {
    const v = result.verdicts[target.id]!.overall;
    const name = localText(input.targets?.targets?.find((x) => x.id === target.id)?.name, locale) || target.id;
    return {
      id: links ? target.id : undefined,
      cells: {
        name: links ? { value: name, href: `#detail-${target.id}` } : name,
        baseline: figureCell(target.baseline, target.unit),
        value: figureCell(target.value, target.unit),
        growth: target.growth,
        projection: figureCell(v.projection, target.unit),
        gap: gapCell(v, target.unit, locale, cur),
        status: verdictCell(v, locale),
      },
    };
  });
  return { caption: t(locale, 'page.targets.smartCaption'), columns, rows };
}
