// Reads a plan folder from disk: the YAML files at its top and the MDX chapters.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RawFile } from './load-plan.ts';

export type ReadFolderResult = { ok: true; files: RawFile[] } | { ok: false; diagnostic: Diagnostic };

export async function readPlanFolder(dir: string): Promise<ReadFolderResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    return {
      ok: false,
      diagnostic: new Diagnostic('plan-dir-missing', `The plan folder "${dir}" ${info ? 'is not a folder' : 'does not exist'}.`, { file: dir }),
    };
  }
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n));
  const chapters = await listSub(dir, 'chapters', '.mdx');
  const actuals = await listSub(dir, 'actuals', '.csv');
  const files = await Promise.all(
    [...names, ...chapters, ...actuals].sort().map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })),
  );
  return { ok: true, files };
}

async function listSub(dir: string, sub: string, extension: string): Promise<string[]> {
  const path = join(dir, sub);
  if (!(await stat(path).catch(() => undefined))?.isDirectory()) return [];
  return (await readdir(path)).filter((n) => n.endsWith(extension)).map((n) => `${sub}/${n}`);
}
