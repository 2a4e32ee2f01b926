// What `shopplan dev`'s recheck compares: every file under the plan folder by path, size and modification
// time (no content read), so a recheck that finds the folder as the last run read it costs a few stats, not a
// check — it runs just when the page fetches the new plan from the same process.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Deeper than any plan folder goes (chapters/, actuals/, data/…): a link loop or a deep tree stops here. */
const MAX_DEPTH = 4;

export async function folderStamp(dir: string, depth = 0): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const parts = await Promise.all(
    entries
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return depth < MAX_DEPTH ? `${entry.name}/{${await folderStamp(path, depth + 1)}}` : `${entry.name}/`;
        const info = await lstat(path).catch(() => undefined);
        return info ? `${entry.name}:${info.size}:${info.mtimeMs}` : `${entry.name}:gone`;
      }),
  );
  return parts.join('|');
}
