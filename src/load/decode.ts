// Bytes → text, refusing what a plan file must not be: too large, binary, not UTF-8, empty.
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import { MAX_FILE_BYTES } from './source-file.ts';

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodePlanFile(file: string, bytes: Uint8Array, maxBytes: number = MAX_FILE_BYTES): Decoded {
  const fail = (diagnostic: Diagnostic): Decoded => ({ ok: false, diagnostic });
  if (bytes.length > maxBytes) {
    return fail(new Diagnostic('file-too-large', `${file} is ${formatKiB(bytes.length)}; plan files may be at most ${formatKiB(maxBytes)}.`, { file, place: { start: { line: 1, column: 1 } } }));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return fail(new Diagnostic('file-binary', `${file} contains a NUL byte at byte ${nul}: it is binary, not text.`, { file, place: { start: lineColumnOfByte(bytes, nul) } }));
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail(new Diagnostic('file-encoding', `${file} is not valid UTF-8 (line ${bad.line}, column ${bad.column}); it may be saved as GBK.`, { file, place: { start: bad } }));
  }
  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) {
    return fail(new Diagnostic('file-empty', `${file} is empty (no data, only blanks or comments).`, { file, place: { start: { line: 1, column: 1 } } }));
  }
  return { ok: true, text };
}

export function formatKiB(n: number): string {
  return `${Math.ceil(n / 1024)} KiB`;
}

/** 1-based line and column (in bytes) of a byte offset. */
function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Line and character column of the first sequence that is not UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lenient = new TextDecoder('utf-8');
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    const chunk = bytes.subarray(start, end);
    try {
      strict.decode(chunk);
    } catch {
      return { line, column: lenient.decode(chunk).indexOf('\uFFFD') + 1 };
    }
    start = end;
  }
  return { line: 1, column: 1 };
}
