// Which paths an order source (data.yaml `sources[].path`) may name: files inside the plan folder, by a
// relative path without `..`, that are order exports by their extension and not hidden. The validator
// checks the path as written; the order-data stage checks every file it matches on disk the same way.

/** Order exports by extension: CSV-like text (optionally gzipped) and Parquet. */
export const ORDER_FILE_PATTERN = /\.(?:(?:csv|tsv|txt)(?:\.gz)?|parquet|pq)$/i;

export type OrderPathProblem = 'absolute' | 'parent' | 'hidden' | 'extension';

/** What is wrong with an order path (or a file name it matched), or null. Paths use `/`. */
export function orderPathProblem(path: string): OrderPathProblem | null {
  // `/x`, `C:x`, `C:/x`, `//server/x`, `~/x`: anything not relative to the plan folder.
  if (/^(?:\/|[A-Za-z]:|~)/.test(path)) return 'absolute';
  const segments = path.split('/');
  if (segments.includes('..')) return 'parent';
  if (segments.some((s) => s.startsWith('.') && s !== '.')) return 'hidden';
  if (!ORDER_FILE_PATTERN.test(segments.at(-1) ?? '')) return 'extension';
  return null;
}

/** One sentence on the problem, for messages about `path` (as written) in data.yaml. */
export const ORDER_PATH_TEXT: Record<OrderPathProblem, string> = {
  absolute: 'is absolute; order files are read only from inside the plan folder, by a path relative to it',
  parent: 'contains `..`; order files are read only from inside the plan folder',
  hidden: 'names a hidden file or folder (starting with `.`), which is never an order export',
  extension: 'does not end in an order-file extension (.csv, .tsv, .txt, optionally .gz, or .parquet)',
};
