import type { Command } from '../command.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { UsageError } from '../../diagnostics/errors.ts';
import { gitReader } from '../../versions/git.ts';
import { loadSide } from '../../versions/load-side.ts';
import { diffPlans } from '../../versions/diff.ts';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../../versions/format-diff.ts';
import { SUMMARIES } from './summaries.ts';

export const diffCommand: Command = {
  name: 'diff',
  summary: SUMMARIES.diff,
  usage: 'shopplan diff <from> <to> [--plan <dir>] [--format text|markdown|json]',
  optionHelp: [
    '<from> <to>            Git refs (tags such as v2027.1, branches, commits, HEAD) of the repository of the',
    '                       current folder, or plan folders; a name that is an existing folder is a folder',
    '--plan <dir>           The plan folder inside the repository, for refs (default: content)',
    '--format <format>      text (default), markdown (for a pull-request comment) or json',
  ],
  options: { plan: { type: 'string' }, format: { type: 'string', short: 'f' } },
  maxPositionals: 2,
  async run({ values, positionals }, io) {
    const format = (values.format ?? 'text') as DiffFormat;
    if (!DIFF_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}, got "${String(values.format)}".`, 'diff');
    const [from, to] = positionals;
    if (!from || !to) throw new UsageError('Name two versions to compare, e.g. `shopplan diff v2027.1 v2027.2` or `shopplan diff old-plan new-plan`.', 'diff');
    const options = { cwd: process.cwd(), plan: (values.plan as string | undefined) ?? 'content', git: gitReader() };
    const a = await loadSide(from, options);
    const b = await loadSide(to, options);
    const diff = diffPlans({ side: a.side, check: a.snapshot.check }, { side: b.side, check: b.snapshot.check });
    io.stdout(formatDiff(diff, format));
    return EXIT.ok;
  },
};
