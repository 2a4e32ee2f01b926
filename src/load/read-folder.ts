// Reads a plan folder from disk: the YAML files at its top, the MDX chapters and the actuals CSVs — each
// only if it lies inside the folder and is a regular file of at most MAX_FILE_BYTES (plan-boundary.ts).
// A file that is refused is still listed, with the diagnostic that says why, so it is neither read nor
// reported as missing; a file deleted between listing and reading is simply absent.
import { readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RawFile } from './load-plan.ts';
import { planRoot, readInside, resolveInside, type Refusal } from './plan-boundary.ts';
import { MAX_FILE_BYTES } from './source-file.ts';
import { formatKiB } from './decode.ts';

export type ReadFolderResult = { ok: true; files: RawFile[] } | { ok: false; diagnostic: Diagnostic };

const SUBFOLDERS = [
  { sub: 'chapters', extension: '.mdx' },
  { sub: 'actuals', extension: '.csv' },
] as const;

export async function readPlanFolder(dir: string, maxBytes: number = MAX_FILE_BYTES): Promise<ReadFolderResult> {
  const info = await stat(dir).catch(() => undefined);
  const root = info?.isDirectory() ? await planRoot(dir).catch(() => null) : null;
  if (!info?.isDirectory() || !root) {
    return {
      ok: false,
      diagnostic: new Diagnostic('plan-dir-missing', `The plan folder "${dir}" ${info ? 'is not a folder' : 'does not exist'}.`, { file: dir }),
    };
  }
  const label = (name: string) => posix.join(dir.replace(/\\/g, '/'), name);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n));
  const refusedFolders: RawFile[] = [];
  for (const { sub, extension } of SUBFOLDERS) {
    const folder = await resolveInside(root, join(dir, sub), 0, 'folder');
    if (folder.ok) {
      names.push(...(await readdir(join(dir, sub)).catch(() => [] as string[])).filter((n) => n.endsWith(extension)).map((n) => `${sub}/${n}`));
    } else if (folder.refusal && (folder.refusal.kind === 'outside' || folder.refusal.kind === 'unreadable')) {
      // A subfolder that leads out of the plan folder is refused as a whole; a plain file of that name is no folder to read.
      refusedFolders.push({ name: `${sub}/`, bytes: new Uint8Array(), refused: refusalDiagnostic(label(sub), folder.refusal, maxBytes) });
    }
  }
  const files = await Promise.all(
    names.sort().map(async (name): Promise<RawFile | null> => {
      const read = await readInside(root, join(dir, name), maxBytes);
      if (read.ok) return { name, bytes: read.bytes };
      return read.refusal ? { name, bytes: new Uint8Array(), refused: refusalDiagnostic(label(name), read.refusal, maxBytes) } : null;
    }),
  );
  return { ok: true, files: [...files.filter((f): f is RawFile => f !== null), ...refusedFolders] };
}

/** What a refused plan file (or folder) is told: never anything of its contents or where a link points. */
export function refusalDiagnostic(file: string, refusal: Refusal, maxBytes: number): Diagnostic {
  const at = { file, place: { start: { line: 1, column: 1 } } };
  switch (refusal.kind) {
    case 'outside':
      return new Diagnostic('file-outside-plan', `${file} is a symbolic link that leads outside the plan folder; it is not read.`, at);
    case 'not-regular':
      return new Diagnostic('file-not-regular', `${file} is a ${refusal.what}, not a regular file; it is not read.`, at);
    case 'too-large':
      return new Diagnostic('file-too-large', `${file} is ${formatKiB(refusal.bytes)}; plan files may be at most ${formatKiB(maxBytes)}.`, at);
    case 'unreadable': {
      const why = {
        permission: 'cannot be read: permission denied',
        'broken-link': 'is a symbolic link to a file that does not exist',
        'link-loop': 'is a symbolic link that loops back on itself',
        error: 'cannot be read',
      }[refusal.why];
      return new Diagnostic('file-unreadable', `${file} ${why}.`, at);
    }
  }
}
