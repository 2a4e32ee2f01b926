// Order sources read from inside the plan folder only: a path in data.yaml that is absolute, climbs out
// with `..`, names a hidden file or no order export is an error at its line (the data stage then checks
// what the path matches on disk, links included).
import type { Check } from '../check-context.ts';
import { ORDER_PATH_TEXT, orderPathProblem } from '../../model/order-path.ts';

export const checkDataPaths: Check = (ctx) => {
  ctx.input.data?.sources.forEach((source, i) => {
    const problem = orderPathProblem(source.path);
    if (!problem) return;
    const outside = problem === 'absolute' || problem === 'parent';
    ctx.report(outside ? 'data-path-outside' : 'data-file-kind', `The path "${source.path}" of order source "${source.id}" ${ORDER_PATH_TEXT[problem]}.`, 'data', ['sources', i, 'path']);
  });
};
