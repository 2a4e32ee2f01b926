// The plan folder is a boundary: ShopPlan reads plan files and order files only from inside it. A path is
// taken as it resolves on disk — every symbolic link followed, chains included — and refused when it
// lands outside the folder or on something that is not a regular file (a device such as /dev/zero, a
// FIFO, a socket, a folder). Nothing is opened before that check, so a refused file is never read and its
// contents can never reach a message; what is read is read with a size cap, never as a stream without end.
import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';

/** Why a path inside the plan folder's listing cannot be used. */
export type Refusal =
  | { kind: 'outside' }
  | { kind: 'not-regular'; what: 'folder' | 'device' | 'FIFO' | 'socket' | 'special file' }
  | { kind: 'too-large'; bytes: number; max: number }
  | { kind: 'unreadable'; why: 'permission' | 'broken-link' | 'link-loop' | 'error' };

export type Resolved = { ok: true; real: string; bytes: number } | { ok: false; refusal: Refusal } | { ok: false; refusal: null };

/** The real path of the plan folder: the boundary every file is checked against. */
export function planRoot(dir: string): Promise<string> {
  return realpath(dir);
}

/** Whether `real` (a real path) is `root` or lies inside it. */
export function isInside(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (rel.split(sep)[0] !== '..' && !isAbsolute(rel));
}

function kindOf(info: { isDirectory(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean; isFIFO(): boolean; isSocket(): boolean }): Refusal & { kind: 'not-regular' } {
  if (info.isDirectory()) return { kind: 'not-regular', what: 'folder' };
  if (info.isBlockDevice() || info.isCharacterDevice()) return { kind: 'not-regular', what: 'device' };
  if (info.isFIFO()) return { kind: 'not-regular', what: 'FIFO' };
  if (info.isSocket()) return { kind: 'not-regular', what: 'socket' };
  return { kind: 'not-regular', what: 'special file' };
}

function unreadable(error: unknown): Refusal {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', why: 'permission' };
  if (code === 'ELOOP') return { kind: 'unreadable', why: 'link-loop' };
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'unreadable', why: 'broken-link' };
  return { kind: 'unreadable', why: 'error' };
}

/**
 * Resolves `path` (a file listed in the plan folder) and checks it against the boundary `root`.
 * `refusal: null` means the path no longer exists (deleted since it was listed): treat it as absent.
 */
export async function resolveInside(root: string, path: string, maxBytes: number, expect: 'file' | 'folder' = 'file'): Promise<Resolved> {
  try {
    await lstat(path);
  } catch (error) {
    const refusal = unreadable(error);
    return { ok: false, refusal: refusal.kind === 'unreadable' && refusal.why === 'broken-link' ? null : refusal };
  }
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    return { ok: false, refusal: unreadable(error) };
  }
  if (!isInside(root, real)) return { ok: false, refusal: { kind: 'outside' } };
  let info;
  try {
    info = await stat(real);
  } catch (error) {
    return { ok: false, refusal: unreadable(error) };
  }
  if (expect === 'folder') return info.isDirectory() ? { ok: true, real, bytes: 0 } : { ok: false, refusal: kindOf(info) };
  if (!info.isFile()) return { ok: false, refusal: kindOf(info) };
  if (info.size > maxBytes) return { ok: false, refusal: { kind: 'too-large', bytes: info.size, max: maxBytes } };
  return { ok: true, real, bytes: info.size };
}

export type ReadInside = { ok: true; bytes: Uint8Array } | { ok: false; refusal: Refusal | null };

/**
 * Reads a file inside the plan folder: resolved and checked first (resolveInside), then opened without
 * following a link and without blocking, checked again on the open descriptor (the file may have been
 * swapped meanwhile), and read to at most `maxBytes` (a file growing while it is read is refused).
 */
export async function readInside(root: string, path: string, maxBytes: number): Promise<ReadInside> {
  const resolved = await resolveInside(root, path, maxBytes);
  if (!resolved.ok) return resolved;
  let handle;
  try {
    handle = await open(resolved.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    return { ok: false, refusal: code === 'ENOENT' ? null : unreadable(error) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, refusal: kindOf(info) };
    if (info.size > maxBytes) return { ok: false, refusal: { kind: 'too-large', bytes: info.size, max: maxBytes } };
    // One byte more than allowed tells a file that grew past the cap from one that ends at it.
    const buffer = new Uint8Array(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) return { ok: false, refusal: { kind: 'too-large', bytes: length, max: maxBytes } };
        break;
      }
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, refusal: unreadable(error) };
  } finally {
    await handle.close();
  }
}
