// Order files on disk: globs → files, content hashes (memoised by size and modification time, so an
// unchanged 1 GB export is not even re-hashed), and GBK → UTF-8 conversion for the CSV reader.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { resolveInside, type Refusal } from '../load/plan-boundary.ts';
import { orderPathProblem, type OrderPathProblem } from '../model/order-path.ts';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Order files may be large exports, but not endless: larger files (or gzip contents) are refused. */
export const MAX_ORDER_FILE_BYTES = 4 * 1024 ** 3;

export interface MatchedFile {
  /** Real path to read. */
  path: string;
  /** Path inside the plan folder with `/`, e.g. `data/tmall-2026.csv.gz`: what messages and outputs show. */
  name: string;
  bytes: number;
}

/** A file a source path matched that may not be read, and why (plan-boundary.ts). */
export interface RefusedFile {
  name: string;
  refusal: Refusal | { kind: 'name'; problem: OrderPathProblem };
}

/**
 * Files a source path names inside the plan folder (real path `root`): the file itself, or every file a
 * `*`/`?` pattern matches, sorted. Every folder and file on the way is resolved on disk (links followed)
 * and checked against the boundary: what leads outside, is no regular file, is too large, hidden or no
 * order export is returned as refused instead — never read.
 */
export async function matchSourceFiles(root: string, planDir: string, pattern: string): Promise<{ files: MatchedFile[]; refused: RefusedFile[] }> {
  const parts = pattern.split('/').filter((p) => p !== '' && p !== '.');
  const files: MatchedFile[] = [];
  const refused: RefusedFile[] = [];
  let bases: string[] = [''];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      const names = /[*?]/.test(part)
        ? (await readdir(join(planDir, base)).catch(() => [] as string[])).filter((n) => globSegment(part).test(n)).sort()
        : [part];
      for (const n of names) {
        const name = base ? `${base}/${n}` : n;
        const resolved = await resolveInside(root, join(planDir, name), MAX_ORDER_FILE_BYTES, last ? 'file' : 'folder');
        if (!resolved.ok) {
          // Absent, or (on the way) a file where a folder would be: no match. Anything else is reported.
          const skip = resolved.refusal === null || (!last && resolved.refusal.kind === 'not-regular');
          if (!skip) refused.push({ name, refusal: resolved.refusal! });
          continue;
        }
        if (!last) {
          next.push(name);
          continue;
        }
        const problem = orderPathProblem(name);
        if (problem) refused.push({ name, refusal: { kind: 'name', problem } });
        else files.push({ path: resolved.real, name, bytes: resolved.bytes });
      }
    }
    bases = next;
  }
  return { files, refused };
}

function globSegment(part: string): RegExp {
  const body = part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** `csv` or `parquet` from the name: `.parquet`/`.pq` → parquet, anything else → csv. */
export function formatOf(path: string): 'csv' | 'parquet' {
  return /\.(parquet|pq)$/i.test(path) ? 'parquet' : 'csv';
}

interface HashMemo {
  [path: string]: { size: number; mtimeMs: number; sha256: string };
}

/** SHA-256 of each file's bytes, reusing the memo in `cacheDir` for files whose size and mtime are unchanged. */
export async function hashFiles(paths: readonly string[], cacheDir: string | null): Promise<Map<string, { sha256: string; bytes: number }>> {
  const memoPath = cacheDir ? join(cacheDir, 'hashes.json') : null;
  const memo: HashMemo = memoPath ? await readFile(memoPath, 'utf8').then((t) => JSON.parse(t) as HashMemo).catch(() => ({})) : {};
  const out = new Map<string, { sha256: string; bytes: number }>();
  let changed = false;
  for (const path of paths) {
    const key = resolve(path);
    const info = await stat(path);
    const known = memo[key];
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
      out.set(path, { sha256: known.sha256, bytes: info.size });
      continue;
    }
    const sha256 = await sha256File(path);
    memo[key] = { size: info.size, mtimeMs: info.mtimeMs, sha256 };
    changed = true;
    out.set(path, { sha256, bytes: info.size });
  }
  if (memoPath && changed) await writeAtomic(memoPath, JSON.stringify(memo, null, 1)).catch(() => undefined);
  return out;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes through a temporary file and a rename, so concurrent builds never read half a file. */
export async function writeAtomic(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Math.floor(performance.now() * 1000)}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** First bytes of a file (gunzipped when `.gz`), for sniffing empty files and encodings. Throws on a broken gzip stream. */
export async function headBytes(path: string, max = 1 << 16): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const source = createReadStream(path, { highWaterMark: max });
  const stream = /\.gz$/i.test(path) ? source.pipe(createGunzip()) : source;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= max) break;
    }
  } finally {
    source.destroy();
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/** The contents of an order file decode (gunzip, GBK → UTF-8) to more than the size cap. */
export class DecodedTooLargeError extends Error {
  constructor(maxBytes: number) {
    super(`its contents decode to more than ${Math.round(maxBytes / 1024 ** 2)} MiB`);
  }
}

/**
 * Converts a GBK / GB18030 CSV (optionally gzipped) to UTF-8 at `target`. Fails on bytes that are not
 * valid in the encoding, with the 1-based line of the first one.
 */
export async function transcodeToUtf8(path: string, encoding: 'gbk' | 'gb18030', target: string, maxBytes: number = MAX_ORDER_FILE_BYTES): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  let written = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      let out: Buffer;
      try {
        out = Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
      } catch {
        return done(new Error(`line ${line}: bytes that are not valid ${encoding.toUpperCase()}`));
      }
      for (const b of chunk) if (b === 0x0a) line++;
      // A gzip bomb would otherwise decode to disk without end.
      written += out.length;
      if (written > maxBytes) return done(new DecodedTooLargeError(maxBytes));
      done(null, out);
    },
    flush(done) {
      try {
        done(null, Buffer.from(decoder.decode(), 'utf8'));
      } catch {
        done(new Error(`line ${line}: the file ends inside a ${encoding.toUpperCase()} character`));
      }
    },
  });
  const source = createReadStream(path);
  const tmp = `${target}.tmp-${process.pid}`;
  if (/\.gz$/i.test(path)) await pipeline(source, createGunzip(), transform, createWriteStream(tmp));
  else await pipeline(source, transform, createWriteStream(tmp));
  await rename(tmp, target);
}
