// The catalog: every message exists in both locales, compiles as ICU MessageFormat, and uses the same
// arguments in both (so a translation cannot drop or rename a value); t() places arguments.
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOG, t, type MessageKey } from '../../src/i18n/catalog.ts';
import { LOCALES } from '../../src/i18n/locale.ts';

/** Every argument a message uses, also inside plural and select branches. */
function argumentsOf(elements: readonly MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    if (el.type === TYPE.tag) argumentsOf(el.children, out);
  }
  return out;
}

const keys = Object.keys(CATALOG) as MessageKey[];

describe('catalog', () => {
  it('has messages in every domain', () => {
    for (const prefix of ['ui.', 'label.']) expect(keys.filter((k) => k.startsWith(prefix)).length, prefix).toBeGreaterThan(10);
  });

  it.each(keys)('%s: both locales, both compile, same arguments', (key) => {
    const message = CATALOG[key];
    expect(Object.keys(message).sort()).toEqual([...LOCALES].sort());
    const args = LOCALES.map((locale) => {
      expect(message[locale].trim(), `${key} ${locale} is empty`).not.toBe('');
      return [...argumentsOf(parse(message[locale]))].sort();
    });
    expect(args[1], `${key}: arguments of ${LOCALES[1]} differ from ${LOCALES[0]}`).toEqual(args[0]);
  });

  it('places arguments, with plurals where the language has them', () => {
    expect(t('en', 'ui.viewSource', { file: 'org.yaml', line: 12 })).toBe('org.yaml, line 12');
    expect(t('zh-CN', 'ui.viewSource', { file: 'org.yaml', line: 12 })).toBe('org.yaml 第 12 行');
    expect(t('en', 'ui.moreWarnings', { count: 1 })).toBe('1 more warning on the dashboard.');
    expect(t('en', 'ui.moreWarnings', { count: 2 })).toBe('2 more warnings on the dashboard.');
    expect(t('zh-CN', 'ui.moreWarnings', { count: 2 })).toBe('仪表盘上还有 2 条预警。');
  });

  it('labels every enum value the pages show in one way only (risk level 16 is one word)', () => {
    expect(t('zh-CN', 'label.riskLevel.critical')).toBe('极高');
    expect(t('en', 'label.direction.higher-better')).toBe('Higher is better ↑');
  });
});
