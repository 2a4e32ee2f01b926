import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { checkPlanFolder } from '../../pipeline/check-plan.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { renderDiagnostics } from '../report.ts';
import { gitReader } from '../../versions/git.ts';
import { codeowners } from '../../versions/codeowners.ts';
import { SUMMARIES } from './summaries.ts';

export const codeownersCommand: Command = {
  name: 'codeowners',
  summary: SUMMARIES.codeowners,
  usage: 'shopplan codeowners [dir] [--out <file>] [--check]',
  optionHelp: [
    'dir                    Plan folder (default: content)',
    '--out <file>           Where to write (default: .github/CODEOWNERS at the top of the git repository; - for stdout)',
    '--check                Write nothing; exit 1 when the file is missing or out of date (for CI)',
  ],
  options: { out: { type: 'string', short: 'o' }, check: { type: 'boolean' } },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    const dir = positionals[0] ?? 'content';
    const check = await checkPlanFolder(dir, { compute: false });
    if (hasErrors(check.diagnostics) || !check.input || !check.sources) {
      io.stderr(renderDiagnostics(check, 'text', io.color, `The plan in ${dir}`));
      return EXIT.invalid;
    }
    const repo = await gitReader().locate(dir);
    const root = repo?.root ?? process.cwd();
    const planPath = repo ? repo.planPath : relative(root, resolve(dir)).split('\\').join('/');
    const result = codeowners(check.input, check.sources, planPath);
    for (const note of result.notes) io.stderr(`note: ${note}`);
    const out = (values.out as string | undefined) ?? join(root, '.github', 'CODEOWNERS');
    if (out === '-') {
      io.stdout(result.text);
      return EXIT.ok;
    }
    const current = await readFile(out, 'utf8').catch(() => undefined);
    if (values.check) {
      if (current === result.text) {
        io.stderr(`${out} is up to date.`);
        return EXIT.ok;
      }
      io.stderr(`${out} is ${current === undefined ? 'missing' : 'out of date'}: run \`shopplan codeowners ${dir}\` and commit it.`);
      return EXIT.invalid;
    }
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, result.text);
    io.stderr(`Wrote ${out} (${result.entries.filter((e) => e.handle).length} owner entries).`);
    return EXIT.ok;
  },
};
