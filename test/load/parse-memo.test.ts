// The load stage's parse memo (src/load/parse-memo.ts): loading a folder again gives an unchanged file's
// earlier parse back, a changed file a fresh parse of its new text, and the plan-wide chapter budget is
// still charged for chapters whose parse is remembered.
import { describe, expect, it } from 'vitest';
import { loadPlan, type RawFile } from '../../src/load/load-plan.ts';
import { CHAPTER_LIMITS } from '../../src/load/mdx-limits.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text: string): RawFile => ({ name, bytes: bytes(text) });
const chapter = (order: number, body = 'Text.') => `---\ntitle: C${order}\norder: ${order}\n---\n\n${body}\n`;

describe('parse memo', () => {
  it('gives an unchanged file its earlier parse and a changed one a new parse of the new text', () => {
    // A folder name of its own, so no other test's entries are in play.
    const dir = 'memo-plan-1';
    const first = loadPlan(dir, [file('plan.yaml', 'title: A\n'), file('targets.yaml', 'targets: []\n'), file('chapters/01-a.mdx', chapter(1))]);
    const again = loadPlan(dir, [file('plan.yaml', 'title: A\n'), file('targets.yaml', 'targets: []\n'), file('chapters/01-a.mdx', chapter(1))]);
    expect(again.sources.files.plan).toBe(first.sources.files.plan);
    expect(again.sources.chapters[0]).toBe(first.sources.chapters[0]);
    const edited = loadPlan(dir, [file('plan.yaml', 'title: B\n'), file('targets.yaml', 'targets: []\n'), file('chapters/01-a.mdx', chapter(1, 'Other text.'))]);
    expect(edited.sources.files.plan).not.toBe(first.sources.files.plan);
    expect(edited.sources.files.plan?.data).toEqual({ title: 'B' });
    expect(edited.sources.files.targets).toBe(first.sources.files.targets);
    expect(edited.sources.chapters[0]?.text).toContain('Other text.');
    // Undoing the edit parses the old text again (one entry per file: its latest text) — and gives the same data.
    const undone = loadPlan(dir, [file('plan.yaml', 'title: A\n'), file('targets.yaml', 'targets: []\n')]);
    expect(undone.sources.files.plan?.data).toEqual({ title: 'A' });
  });

  it('still charges the chapter budget for chapters parsed before', () => {
    const dir = 'memo-plan-2';
    // Each chapter is a bit over half of the plan-wide line budget: one alone passes, two together do not.
    const long = chapter(1, 'a\n\n'.repeat(Math.ceil(CHAPTER_LIMITS.lines / 4) + 10));
    const alone = loadPlan(dir, [file('chapters/01-a.mdx', long)]);
    expect(alone.diagnostics.filter((d) => d.code === 'mdx-too-complex')).toEqual([]);
    const both = loadPlan(dir, [file('chapters/01-a.mdx', long), file('chapters/02-b.mdx', long.replace('order: 1', 'order: 2'))]);
    expect(both.diagnostics.filter((d) => d.code === 'mdx-too-complex').map((d) => d.file)).toEqual([`${dir}/chapters/02-b.mdx`]);
    // Loaded again, the first chapter's parse is remembered — and the second still goes over the budget.
    const again = loadPlan(dir, [file('chapters/01-a.mdx', long), file('chapters/02-b.mdx', long.replace('order: 1', 'order: 2'))]);
    expect(again.sources.chapters[0]).toBe(both.sources.chapters[0]);
    expect(again.diagnostics.filter((d) => d.code === 'mdx-too-complex').map((d) => d.file)).toEqual([`${dir}/chapters/02-b.mdx`]);
  });
});
