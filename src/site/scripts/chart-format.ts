// How a chart writes its numbers — axis ticks, tooltips — in the browser: as the page's tables write them
// (number-format.ts), e.g. ¥6,000万 and ¥15,326.5万, where Intl's compact notation gave ¥6000万 and ¥1.5亿.
import { formatValue } from '../../i18n/number-format.ts';

export interface ChartNumbers {
  unit: 'money' | 'count' | 'rate' | 'number';
  /** The page's locale. */
  locale: string;
  currency: string;
}

export function chartFormatter(c: ChartNumbers): (v: number | string) => string {
  const locale = c.locale === 'en' ? 'en' : 'zh-CN';
  return (v) => formatValue(Number(v), c.unit, locale, { currency: c.currency });
}
