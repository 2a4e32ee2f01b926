import { describe, expect, it } from 'vitest';
import { FIELD_TITLES_ZH } from '../../src/i18n/field-titles.ts';
import { isMessageKey, t } from '../../src/i18n/catalog.ts';
import { PNL_LINES } from '../../src/model/result/pnl.ts';
import { FUNNEL_KEYS } from '../../src/model/result/funnel.ts';
import { IMPORT_TARGETS } from '../../src/xlsx/import-sheet.ts';
import { entryFields } from '../../src/validate/schema-fields.ts';
import { fieldNames, headerKey } from '../../src/xlsx/headers.ts';

describe('the words of the spreadsheet bridge', () => {
  const entries = IMPORT_TARGETS.map((t) => entryFields(t.file, t.list));

  it.each(IMPORT_TARGETS.map((t, i) => [`${t.file}.${t.list}`, entries[i]!] as const))('every field of %s has a Chinese title', (_name, entry) => {
    const missing = [...entry.fields, ...entry.keyed, ...entry.unsupported].filter((f) => !f.title['zh-CN']).map((f) => f.path.join('.'));
    expect(missing).toEqual([]);
  });

  it('names no field that the schemas do not have', () => {
    const known = new Set(entries.flatMap((e) => [...e.fields, ...e.keyed, ...e.unsupported].map((f) => `${e.base}.${f.path.join('.')}`)));
    expect(Object.keys(FIELD_TITLES_ZH).filter((k) => !known.has(k))).toEqual([]);
  });

  it.each(IMPORT_TARGETS.map((t, i) => [`${t.file}.${t.list}`, entries[i]!] as const))('no two fields of %s share a header name (path, English or Chinese title)', (_name, entry) => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of [...entry.fields, ...entry.keyed]) {
      const own = f.path.join('.');
      for (const name of [own, f.title.en, f.title['zh-CN'] ?? ''].filter(Boolean).map(headerKey)) {
        const other = seen.get(name);
        if (other && other !== own) clashes.push(`${name}: ${other} / ${own}`);
        seen.set(name, own);
      }
    }
    expect(clashes).toEqual([]);
    expect(fieldNames(entry).fields.size).toBeGreaterThan(entry.fields.length);
  });

  it('labels every P&L line and funnel step in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(PNL_LINES.filter((k) => !isMessageKey(`label.pnl.${k}`) || !t(locale, `label.pnl.${k}`))).toEqual([]);
      expect(FUNNEL_KEYS.filter((k) => !isMessageKey(`label.funnel.${k}`) || !t(locale, `label.funnel.${k}`))).toEqual([]);
    }
  });
});

describe('docs/excel.md', () => {
  it('lists every importable field of every list with its English and Chinese title', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/excel.md', import.meta.url), 'utf8');
    const missing: string[] = [];
    for (const t of IMPORT_TARGETS) {
      const entry = entryFields(t.file, t.list);
      const section = doc.slice(doc.indexOf(`### \`--to ${t.name}\``));
      for (const f of [...entry.fields, ...entry.keyed, ...entry.unsupported]) {
        const path = f.path.join('.');
        const row = section.split('\n').find((l) => l.startsWith(`| \`${path}`));
        if (!row || !row.includes(f.title.en) || !row.includes(f.title['zh-CN']!)) missing.push(`${t.name}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
