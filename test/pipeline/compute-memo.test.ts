// `shopplan dev` reloads check the whole folder: an edit that leaves the plan input as it was (a chapter, a
// comment) reuses the last compute and the renderings of the unchanged chapters; an edit to a number computes
// again. The example plan, read once and edited in memory (checkPlanFiles does no I/O).
import { describe, expect, it } from 'vitest';
import { readPlanFolder } from '../../src/load/read-folder.ts';
import type { RawFile } from '../../src/load/load-plan.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { computeOnce } from '../../src/pipeline/compute-memo.ts';
import { siteData, siteDataKey } from '../../src/site/site-data.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const edit = (files: readonly RawFile[], name: string, change: (text: string) => string): RawFile[] =>
  files.map((f) => (f.name === name ? { name, bytes: encoder.encode(change(decoder.decode(f.bytes))) } : f));

describe('compute memo', () => {
  it('reuses the result when only a chapter or a comment changed, and computes again when the input changed', async () => {
    const read = await readPlanFolder('content');
    if (!read.ok) throw new Error('the example plan could not be read');
    const files = read.files;
    const chapter = files.find((f) => f.name.startsWith('chapters/') && f.name.endsWith('.mdx'))!.name;
    const first = checkPlanFiles('content', files, { compute: true });
    expect(first.result).toBeDefined();
    const prose = checkPlanFiles('content', edit(files, chapter, (t) => `${t}\nOne more sentence.\n`));
    expect(prose.result).toBe(first.result);
    const comment = checkPlanFiles('content', edit(files, 'plan.yaml', (t) => `# a comment\n${t}`));
    expect(comment.result).toBe(first.result);
    // A different title is a different input: the result is computed again, and names it.
    const titled = checkPlanFiles('content', edit(files, 'plan.yaml', (t) => t.replace(/^(title:\n {2}zh-CN: .+)$/m, '$1 2')));
    expect(titled.result).not.toBe(first.result);
    expect(JSON.stringify(titled.result!.meta.title)).toMatch(/ 2"/);

    // The site data of the prose edit: the pages of the edited chapter are rendered anew (and show the
    // sentence), every other chapter page keeps its earlier rendering.
    const before = siteData(first);
    const after = siteData(prose);
    let renewed = 0;
    for (const locale of before.locales) {
      for (const [i, page] of after.chapters[locale].entries()) {
        const shows = JSON.stringify(page.parts).includes('One more sentence.');
        if (shows) renewed++;
        if (shows) expect(page.parts).not.toBe(before.chapters[locale][i]!.parts);
        else expect(page.parts, `${locale} ${page.slug}`).toBe(before.chapters[locale][i]!.parts);
      }
    }
    expect(renewed).toBeGreaterThan(0);
  });

  it('site data renders a chapter only when a page reads it, and its key says whether the pages would show something else', async () => {
    const read = await readPlanFolder('content');
    if (!read.ok) throw new Error('the example plan could not be read');
    const files = read.files;
    const chapter = files.find((f) => f.name.startsWith('chapters/') && f.name.endsWith('.mdx'))!.name;
    const data = siteData(checkPlanFiles('content', files));
    // Reading the key renders nothing: every chapter's rendering is a getter, counted here.
    let renders = 0;
    for (const pages of Object.values(data.chapters)) {
      for (const page of pages) {
        const get = Object.getOwnPropertyDescriptor(page, 'parts')!.get!;
        Object.defineProperty(page, 'parts', { enumerable: true, get: () => (renders++, get.call(page)) });
      }
    }
    const key = siteDataKey(data);
    expect(renders).toBe(0);
    // The build's JSON holds every rendering.
    expect(JSON.stringify(data)).toContain('"parts":[');
    expect(renders).toBe(Object.values(data.chapters).flat().length);

    const keyOf = (edited: RawFile[]) => siteDataKey(siteData(checkPlanFiles('content', edited)));
    // The same files, or a comment that moves no line: the same key (nothing to reload).
    expect(keyOf(files)).toEqual(key);
    expect(keyOf(edit(files, 'plan.yaml', (t) => `${t}\n# a comment at the end\n`))).toEqual(key);
    // A sentence in a chapter, a comment that moves every line below it (the pages' source links), a title.
    expect(keyOf(edit(files, chapter, (t) => `${t}\nOne more sentence.\n`)).text).not.toBe(key.text);
    expect(keyOf(edit(files, 'plan.yaml', (t) => `# a comment\n${t}`)).text).not.toBe(key.text);
    expect(keyOf(edit(files, 'plan.yaml', (t) => t.replace(/^(title:\n {2}zh-CN: .+)$/m, '$1 2'))).result).not.toBe(key.result);
  });

  it('keeps apart what JSON would blur: −0 and 0', async () => {
    const read = await readPlanFolder('content');
    if (!read.ok) throw new Error('the example plan could not be read');
    const input = checkPlanFiles('content', read.files, { compute: false }).input!;
    expect(JSON.stringify(-0)).toBe(JSON.stringify(0)); // why the memo's key does not use JSON as it is
    // A field the engine does not read, 0 in one input and −0 in the other: two computes, not one.
    const zero = { ...input, plan: { ...input.plan, unread: 0 } } as PlanInput;
    const minusZero = { ...input, plan: { ...input.plan, unread: -0 } } as PlanInput;
    const a = computeOnce(zero, {});
    expect(computeOnce(zero, {})).toBe(a);
    expect(computeOnce(minusZero, {})).not.toBe(a);
  });
});
