// Order files on disk: globs → files, content hashes (memoised by size and modification time, so an
// unchanged 1 GB export is not even re-hashed), and GBK → UTF-8 conversion for the CSV reader.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, posix, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Files a source path names: the file itself, or every file a `*`/`?` pattern matches, sorted. */
export async function resolveSourceFiles(planDir: string, pattern: string): Promise<string[]> {
  const normal = pattern.replace(/\\/g, '/');
  if (!/[*?]/.test(normal)) {
    const path = isAbsolute(normal) ? normal : join(planDir, normal);
    return (await stat(path).catch(() => undefined))?.isFile() ? [path] : [];
  }
  const absolute = isAbsolute(normal);
  const parts = normal.split('/').filter((p, i) => p !== '' || (i === 0 && absolute));
  let bases = [absolute ? '/' : planDir];
  for (const [i, part] of parts.entries()) {
    if (part === '' ) continue;
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      if (!/[*?]/.test(part)) {
        const path = join(base, part);
        const info = await stat(path).catch(() => undefined);
        if (info && (last ? info.isFile() : info.isDirectory())) next.push(path);
        continue;
      }
      const re = globSegment(part);
      const entries = await readdir(base, { withFileTypes: true }).catch(() => []);
      for (const e of entries) if (re.test(e.name) && (last ? e.isFile() : e.isDirectory())) next.push(join(base, e.name));
    }
    bases = next;
  }
  return bases.sort();
}

function globSegment(part: string): RegExp {
  const body = part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** `csv` or `parquet` from the name: `.parquet`/`.pq` → parquet, anything else → csv. */
export function formatOf(path: string): 'csv' | 'parquet' {
  return /\.(parquet|pq)$/i.test(path) ? 'parquet' : 'csv';
}

/** The path as people see it in messages: relative to the plan folder's parent when inside it. */
export function displayPath(planDir: string, planLabel: string, path: string): string {
  const rel = posix.relative(resolve(planDir).replace(/\\/g, '/'), resolve(path).replace(/\\/g, '/'));
  return rel.startsWith('..') || isAbsolute(rel) ? path : posix.join(planLabel.replace(/\\/g, '/'), rel);
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
export async function writeAtomic(path: string, text: string): Promise<void> {
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

/**
 * Converts a GBK / GB18030 CSV (optionally gzipped) to UTF-8 at `target`. Fails on bytes that are not
 * valid in the encoding, with the 1-based line of the first one.
 */
export async function transcodeToUtf8(path: string, encoding: 'gbk' | 'gb18030', target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        done(null, Buffer.from(text, 'utf8'));
        for (const b of chunk) if (b === 0x0a) line++;
      } catch {
        done(new Error(`line ${line}: bytes that are not valid ${encoding.toUpperCase()}`));
      }
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
