// Text checks: marketing copy against the Advertising Law's absolute terms; markup in any text.
import type { Check } from '../check-context.ts';
import { PLAN_FILES } from '../../model/plan-files.ts';
import { pointerToSegments, type PathSegment } from '../../model/data-path.ts';
import { forbiddenTerms, termFinder } from '../ad-law-terms.ts';

const MARKUP = /<\s*\/?\s*(script|iframe|img|svg|style|object|embed|link|meta|a)\b|javascript:|\bon[a-z]+\s*=/i;

export const checkText: Check = (ctx) => {
  const findTerms = termFinder(forbiddenTerms(ctx.input.plan.advertisingLaw));
  for (const file of PLAN_FILES) {
    for (const pointer of ctx.copyPaths[file] ?? []) {
      const segments = pointerToSegments(pointer);
      for (const [text, at] of strings(valueAt(ctx.input[file], segments), [...segments])) {
        const hits = findTerms(text);
        if (hits.length) {
          ctx.report('ad-law-term', `Marketing copy uses ${hits.map((h) => `"${h}"`).join(', ')}, which China's Advertising Law forbids as an absolute claim.`, file, [...at]);
        }
      }
    }
    for (const [text, at] of strings(ctx.input[file], [])) {
      const markup = MARKUP.exec(text);
      if (markup) ctx.report('text-markup', `Text contains markup (${markup[0]}); the site shows it as text and never runs it.`, file, [...at]);
    }
  }
};

function valueAt(data: unknown, segments: readonly PathSegment[]): unknown {
  return segments.reduce<unknown>((v, s) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[s as string] : undefined), data);
}

/**
 * Every string under a value with its path. The path is one stack shared by all yields (no copy per node on
 * a plan of thousands of entries): copy it before keeping it.
 */
function* strings(value: unknown, path: PathSegment[]): Generator<[string, readonly PathSegment[]]> {
  if (typeof value === 'string') yield [value, path];
  else if (value && typeof value === 'object') {
    for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      path.push(k);
      yield* strings(v, path);
      path.pop();
    }
  }
}
