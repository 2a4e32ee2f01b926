// Every list whose items carry an `id` must not repeat one: others refer to entries by id.
import type { Check } from '../check-context.ts';
import type { PathSegment } from '../../model/data-path.ts';
import { PLAN_FILES } from '../../model/plan-files.ts';

export const checkUniqueIds: Check = (ctx) => {
  for (const file of PLAN_FILES) {
    const walk = (value: unknown, segments: PathSegment[]) => {
      if (Array.isArray(value)) {
        const first = new Map<string, number>();
        value.forEach((item, i) => {
          const id = (item as { id?: unknown } | null)?.id;
          if (typeof id !== 'string') return;
          const earlier = first.get(id);
          if (earlier === undefined) first.set(id, i);
          else ctx.report('id-duplicate', `The id "${id}" is used twice in ${segments.join('.')} (items ${earlier} and ${i}).`, file, [...segments, i, 'id']);
        });
        value.forEach((item, i) => walk(item, [...segments, i]));
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, [...segments, k]);
      }
    };
    walk(ctx.input[file], []);
  }
};
