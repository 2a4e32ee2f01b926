// The page kit rendered through Astro's container API: the markup every page gets from it (scroll regions a
// keyboard can reach and a screen reader can name, row and column headers, status in words, numbers in the
// column's style) and the words it takes from the catalog.
import { beforeAll, describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import DataTable from '../../src/site/components/DataTable.astro';
import StatusPill from '../../src/site/components/StatusPill.astro';
import StatTile from '../../src/site/components/StatTile.astro';
import Section from '../../src/site/components/Section.astro';
import Chart from '../../src/site/components/Chart.astro';
import FindingList from '../../src/site/components/FindingList.astro';
import { finding } from '../../src/model/findings.ts';
import { amount, ref } from '../../src/model/facts.ts';
import { oneLineWidth, twoLineWidth } from '../../src/site/kit.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** The text of every cell, row by row (tags stripped). */
function cells(html: string): string[][] {
  return [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()));
}

const columns = [
  { key: 'name', label: 'Channel' },
  { key: 'gmv', label: 'GMV', format: 'money' as const },
  { key: 'buyers', label: 'Buyers', format: 'count' as const },
  { key: 'cvr', label: 'CVR', format: 'rate' as const },
];
const rows = [
  { id: 'tmall', cells: { name: 'Tmall', gmv: 36_804_512, buyers: 415_612.4, cvr: 0.0325 } },
  { cells: { name: { value: 'Douyin', href: '#douyin', sub: 'livestream' }, gmv: 450_000, buyers: 9_876.6, cvr: null } },
];

describe('twoLineWidth', () => {
  it('holds a text in two lines however its words fall: half of it and its longest word, and a little room', () => {
    // "Less: Operating" on the first line needs 15 of 24 letters: half the text (12) would leave "expenses" a third line.
    expect(twoLineWidth('Less: Operating expenses')).toBe(Math.ceil((24 + 9) / 2) + 2);
    expect(twoLineWidth('龙井茶合作社')).toBe(Math.ceil((12 + 2) / 2) + 2);
    expect(twoLineWidth('2022 福鼎白牡丹 357g')).toBe(Math.ceil((20 + 4) / 2) + 2);
  });
});

describe('DataTable', () => {
  it('is a focusable, named scroll region with a caption, column headers and a row header per row', async () => {
    const html = await container.renderToString(DataTable, { props: { caption: 'GMV by channel', columns, rows, locale: 'en' } });
    expect(html).toMatch(/<div class="table-scroll" role="region" tabindex="0" aria-label="GMV by channel">/);
    expect(html).toContain('<caption>GMV by channel</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(4);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toMatch(/<tr id="tmall"/);
    expect(html).toContain('<a href="#douyin">Douyin</a>');
    expect(html).toContain('<span class="cell-sub">livestream</span>');
  });

  it('formats each column in one style: one English scale per column, whole counts, rates as percentages, — for none', async () => {
    const html = await container.renderToString(DataTable, { props: { caption: 'c', columns, rows, locale: 'en' } });
    // GMV: largest 36.8M → M for the column (450,000 = ¥0.45M, not ¥450K); buyers: largest 415.6K → K; 9,877 people under 10,000 stay whole.
    expect(cells(html).slice(1)).toEqual([
      ['Tmall', '¥36.8M', '415.6K', '3.25%'],
      ['Douyin livestream', '¥0.45M', '9,877', '—'],
    ]);
    const zh = await container.renderToString(DataTable, { props: { caption: 'c', columns, rows, locale: 'zh-CN' } });
    expect(cells(zh)[1]).toEqual(['Tmall', '¥3,680.5万', '41.6万', '3.25%']);
  });

  it('adds a totals row headed Total in the page language, scaled with its column', async () => {
    const html = await container.renderToString(DataTable, { props: { caption: 'c', columns, rows, locale: 'zh-CN', totals: { gmv: 37_254_512 } } });
    expect(cells(html).at(-1)).toEqual(['合计', '¥3,725.5万', '—', '—']);
    expect(html).toMatch(/<tr class="grand total"/);
  });

  it('draws a row’s note as a line under the row across the table, with its muted lines, and keeps the row header to its own cell', async () => {
    const html = await container.renderToString(DataTable, {
      props: { caption: 'c', columns, locale: 'en', rows: [{ id: 'tmall', cells: { name: 'Tmall', gmv: 1 }, note: { value: 'Flagship store on Tmall.', sub: ['Source: back office'] } }] },
    });
    expect(html).toMatch(/<tr id="tmall" class="has-note"[^>]*>\s*<th scope="row"[^>]*>Tmall<\/th>/);
    expect(html).toMatch(/<tr class="note"[^>]*><td colspan="4"[^>]*><div class="row-note"[^>]*>Flagship store on Tmall\. <span class="cell-sub"[^>]*>Source: back office<\/span><\/div><\/td><\/tr>/);
    expect(cells(html).slice(1)).toEqual([['Tmall', '¥1', '—', '—'], ['Flagship store on Tmall. Source: back office']]);
  });

  it('ties a note to its row for screen readers: the note’s cell names the row header’s id in `headers`, unique on the page', async () => {
    const noted = (caption: string, id?: string, locals = {}) => container.renderToString(DataTable, {
      locals,
      props: {
        caption, columns, locale: 'en', id,
        rows: [
          { id: 'tmall', cells: { name: 'Tmall', gmv: 1 }, note: { value: 'Flagship store.' } },
          { cells: { name: 'JD', gmv: 2 } },
          { cells: { name: 'Douyin', gmv: 3 }, note: { value: 'Livestreams.' } },
        ],
      },
    });
    const pairs = (html: string) => [...html.matchAll(/<th scope="row" id="([^"]+)"[^>]*>([^<]*)<\/th>[\s\S]*?<tr class="note"[^>]*><td colspan="4" headers="([^"]+)"/g)].map((m) => [m[2], m[1], m[3]]);
    const html = await noted('Channels');
    const found = pairs(html);
    expect(found.map(([name]) => name)).toEqual(['Tmall', 'Douyin']);
    for (const [, id, headers] of found) expect(headers).toBe(id);
    expect(found[0]![1]).toBe('tmall-name'); // from the row's own id
    expect(html).toMatch(/<th scope="row" data-format="text" data-column="name">JD<\/th>/); // a row without a note needs no id
    // Rows without an id take theirs from the table's place on the page, so two tables on one page do not share
    // one even when their captions are the same (a hash of the caption gave both the same ids).
    const page = {};
    const [first, second] = [pairs(await noted('Channels', undefined, page)), pairs(await noted('Channels', undefined, page))];
    expect(second[1]![1]).not.toBe(first[1]![1]);
    expect(pairs(await noted('Channels', 'by-channel'))[1]![1]).toBe('by-channel-2-name');
  });

  it('sizes a text column and the row header on a phone to hold their longest line in two lines, or in one in a column with muted lines', async () => {
    const html = await container.renderToString(DataTable, {
      props: {
        caption: 'c', locale: 'en',
        columns: [{ key: 'name', label: 'Supplier' }, { key: 'trigger', label: 'Trigger' }, { key: 'kind', label: 'Kind' }],
        rows: [
          { cells: { name: 'West Lake Longjing Tea Cooperative', trigger: { value: 'Refund rate > 8%', sub: 'over the last three months' }, kind: 'Farm' } },
          { cells: { name: '龙井茶合作社', trigger: 'CAC > ¥95', kind: 'Packaging' } },
        ],
      },
    });
    expect(html).toMatch(new RegExp(`<table class="data-table" style="--name-width:${twoLineWidth('West Lake Longjing Tea Cooperative')}ch">`));
    // A muted line counts: "over the last three months" is the trigger column's longest line, and as the column has
    // muted lines each line takes one, so that "Refund rate > 8%" and its muted line stay two lines, not three.
    expect(html).toMatch(new RegExp(`<td class="mid" style="--two-lines:${oneLineWidth('over the last three months')}ch"[^>]*data-column="trigger"`));
    expect(html).toMatch(/<td class="nowrap"[^>]*data-column="kind"/);
  });

  it('shows the empty text instead of a table with no rows', async () => {
    const html = await container.renderToString(DataTable, { props: { caption: 'c', columns, rows: [], locale: 'en', empty: 'No channels yet.' } });
    expect(html).not.toContain('<table');
    expect(html).toContain('No channels yet.');
  });

  it('uses a cell’s own unit when its row differs from the column', async () => {
    const html = await container.renderToString(DataTable, {
      props: { caption: 'c', locale: 'en', columns: [{ key: 'k', label: 'KPI' }, { key: 'v', label: 'Plan', format: 'number' as const }], rows: [{ cells: { k: 'CVR', v: { value: 0.03, unit: 'rate' as const } } }, { cells: { k: 'Orders', v: { value: 1234.4, unit: 'count' as const } } }] },
    });
    expect(cells(html).slice(1)).toEqual([['CVR', '3%'], ['Orders', '1,234']]);
  });

  it('writes a cell’s own unit in its column’s style (signed in a column of changes, exact in an exact column) gives a cell its tooltip and marks a code as not to translate', async () => {
    const html = await container.renderToString(DataTable, {
      props: {
        caption: 'c', locale: 'en',
        columns: [{ key: 'k', label: 'Input' }, { key: 'after', label: 'After', format: 'exact-money' as const }, { key: 'd', label: 'Δ', format: 'delta-money' as const }],
        rows: [{ cells: { k: { value: 'Budget', title: 'marketing.yaml:12 · budget' }, after: 7_800_000, d: -1_000_000 } }, { cells: { k: 'CVR', after: { value: 0.035, unit: 'rate' as const }, d: { value: 0.005, unit: 'rate' as const } } }],
      },
    });
    expect(cells(html).slice(1)).toEqual([['Budget', '¥7,800,000', '-¥1,000,000'], ['CVR', '3.5%', '+0.5%']]);
    // where the input is, for editors, as the row header's tooltip
    expect(html).toMatch(/<th scope="row" title="marketing\.yaml:12 · budget"/);
    const code = await container.renderToString(DataTable, { props: { caption: 'c', locale: 'zh-CN', columns: [{ key: 'sku', label: 'SKU' }], rows: [{ cells: { sku: { value: 'gift-box-2026', code: true } } }] } });
    expect(code).toContain('<span translate="no">gift-box-2026</span>');
  });

  it('shades the figures of heat columns by their size against the largest of them, and no other column', async () => {
    const html = await container.renderToString(DataTable, {
      props: {
        caption: 'c', locale: 'en',
        columns: [{ key: 'r', label: 'R' }, { key: 'n', label: 'Size', format: 'count' as const }, { key: 'f1', label: 'F 1', format: 'count' as const, heat: true }, { key: 'f2', label: 'F 2', format: 'count' as const, heat: true }],
        rows: [{ cells: { r: 'R 5', n: 9_000, f1: 200, f2: 50 } }, { cells: { r: 'R 4', n: 10, f1: 0, f2: ' ' } }],
      },
    });
    expect([...html.matchAll(/style="--heat:([\d.]+)"/g)].map((m) => m[1])).toEqual(['1.000', '0.250', '0.000']);
    expect(html.match(/class="num heat"/g)).toHaveLength(3);
  });
});

describe('DataTable cells with more than a value', () => {
  const kpiColumns = [{ key: 'kpi', label: 'KPI' }, { key: 'formula', label: 'Formula' }, { key: 'target', label: 'Target', format: 'number' as const }];

  it('writes a cell of several parts with a link on each part that has one (a formula of KPI names)', async () => {
    const rows = [{ id: 'cac', cells: { kpi: 'CAC', formula: { parts: [{ text: 'Spend', href: '#spend' }, { text: ' ÷ ' }, { text: 'New customers', href: '#new' }] }, target: { value: 62, unit: 'money' as const } } }];
    const html = await container.renderToString(DataTable, { props: { caption: 'c', locale: 'en', columns: kpiColumns, rows } });
    expect(html).toContain('<a href="#spend">Spend</a> ÷ <a href="#new">New customers</a>');
    expect(cells(html)[1]).toEqual(['CAC', 'Spend ÷ New customers', '¥62']);
  });

  it('puts each muted line under the value and the cell’s "how is this calculated" after them', async () => {
    const explain = { key: 'risk.score' as const, inputs: [] };
    const rows = [{ cells: { kpi: { value: 'Risk score', sub: ['Category: Risk', 'Source: the register'], explain }, formula: 'x', target: 9 } }];
    const html = await container.renderToString(DataTable, { props: { caption: 'c', locale: 'en', columns: kpiColumns, rows } });
    expect(html).toMatch(/Risk score <span class="cell-sub">Category: Risk<\/span> <span class="cell-sub">Source: the register<\/span>\s*<details class="explain">\s*<summary>How is this calculated<\/summary>/);
    expect(html).toContain('Risk score = likelihood × impact');
  });

  it('gives a row header holding a paragraph room on a wide screen; short ones keep the default', async () => {
    const long = { value: 'GMV', sub: 'Paid order value across all channels, including later refunds; unpaid and closed orders excluded.' };
    const wide = await container.renderToString(DataTable, { props: { caption: 'c', locale: 'en', columns: kpiColumns, rows: [{ cells: { kpi: long, formula: 'x', target: 1 } }] } });
    expect(wide).toMatch(/<th scope="row" class="wide"/);
    const narrow = await container.renderToString(DataTable, { props: { caption: 'c', locale: 'en', columns: kpiColumns, rows: [{ cells: { kpi: 'GMV', formula: 'x', target: 1 } }] } });
    expect(narrow).not.toContain('class="wide"');
  });

  it('links the caption to what the table is about when given', async () => {
    const html = await container.renderToString(DataTable, { props: { caption: 'GMV by month', captionHref: '#gmv', locale: 'en', columns, rows } });
    expect(html).toContain('<caption><a href="#gmv">GMV by month</a></caption>');
    expect(html).toContain('aria-label="GMV by month"');
  });
});

describe('DataTable row groups', () => {
  it('puts rows under their group heading, each group its own <tbody>', async () => {
    const html = await container.renderToString(DataTable, {
      props: { caption: 'c', locale: 'en', columns: [{ key: 'p', label: 'Parameter' }, { key: 'v', label: 'Tmall', format: 'rate' as const }], rows: [{ group: 'Funnel', cells: { p: 'CVR', v: 0.03 } }, { cells: { p: 'Return rate', v: 0.1 } }, { group: 'Fees', cells: { p: 'Commission', v: 0.05 } }] },
    });
    expect(html.match(/<tbody>/g)).toHaveLength(2);
    expect(cells(html).slice(1)).toEqual([['Funnel'], ['CVR', '3%'], ['Return rate', '10%'], ['Fees'], ['Commission', '5%']]);
    expect(html).toContain('<th scope="rowgroup" colspan="2">Funnel</th>');
  });
});

describe('StatusPill and StatTile', () => {
  it('says a status in words with an icon, not by colour alone', async () => {
    for (const [status, icon] of [['green', '✓'], ['amber', '▲'], ['red', '✕']] as const) {
      const html = await container.renderToString(StatusPill, { props: { status, text: 'On track' } });
      expect(html).toContain(`class="pill pill-${status}"`);
      expect(html).toContain(`<span aria-hidden="true">${icon}</span> On track`);
    }
  });

  it('shows a label, a value, notes and a status pill', async () => {
    const html = await container.renderToString(StatTile, { props: { label: 'Net revenue', value: '¥123.5M', sub: ['Baseline ¥100M', ''], status: { status: 'amber', text: 'At risk' }, id: 'target-gmv' } });
    expect(html).toMatch(/<div class="card" id="target-gmv" data-status="amber">/);
    expect(html).toContain('<div class="label">Net revenue</div>');
    expect(html).toContain('<div class="value">¥123.5M</div>');
    expect(html.match(/class="sub"/g)).toHaveLength(2); // the note and the status; the empty note is dropped
    expect(html).toContain('pill-amber');
  });
});

describe('Section, Chart and FindingList', () => {
  it('gives a section its heading, a named link to itself and an intro', async () => {
    const html = await container.renderToString(Section, { props: { id: 'cash', title: '现金', locale: 'zh-CN', intro: '说明' }, slots: { default: '<p>body</p>' } });
    expect(html).toMatch(/<section id="cash"[^>]*>\s*<h2>现金 <a class="anchor" href="#cash" data-pagefind-ignore aria-label="本节链接：现金">#<\/a><\/h2>\s*<p class="lead">说明<\/p>\s*<p>body<\/p>/);
  });

  it('gives a chart a data table with a named labels column and the column number style', async () => {
    const html = await container.renderToString(Chart, { props: { title: 'GMV', type: 'bar', unit: 'money', locale: 'en', labels: ['Jan 2027', 'Feb 2027'], labelsTitle: 'Month', datasets: [{ label: 'Tmall', data: [2_000_000, 300_000] }] } });
    expect(cells(html)).toEqual([['Month', 'Tmall'], ['Jan 2027', '¥2M'], ['Feb 2027', '¥0.3M']]);
    expect(html).toContain('<caption class="visually-hidden">GMV</caption>');
  });

  it('lists findings with their title as a status pill and says how many more there are', async () => {
    const f = finding('ltv-below-cac', { file: 'users', path: ['lifecycle'], entity: ref('plan', 'p') }, { ltv: amount(80, 'money'), cac: amount(120, 'money') });
    const html = await container.renderToString(FindingList, { props: { findings: [f, f, f], locale: 'en', limit: 2 } });
    expect(html.match(/<li data-kind="ltv-below-cac">/g)).toHaveLength(2);
    expect(html).toContain('pill-amber');
    expect(html).toContain('1 more warning on the dashboard.');
    const none = await container.renderToString(FindingList, { props: { findings: [], locale: 'zh-CN' } });
    expect(none).toContain('没有预警。');
  });
});
