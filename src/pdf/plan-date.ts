// The date printed on the cover and written into the PDF metadata: the date of the git commit that last
// changed the plan folder (the plan version's date), so the same commit always gives the same PDF.
// `SOURCE_DATE_EPOCH` (the reproducible-builds convention) wins when set; null when neither is known.
import { execFileSync } from 'node:child_process';

export interface PlanDate {
  /** The instant, for the PDF metadata. */
  date: Date;
  /** `YYYY-MM-DD` as the committer's clock showed it (UTC for SOURCE_DATE_EPOCH), for the cover. */
  day: string;
}

export function planDate(planDir: string, env: NodeJS.ProcessEnv = process.env): PlanDate | null {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    const date = new Date(Number(epoch) * 1000);
    return { date, day: date.toISOString().slice(0, 10) };
  }
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cI', '--', '.'], { cwd: planDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
    const date = new Date(out);
    return out && !Number.isNaN(date.getTime()) ? { date, day: out.slice(0, 10) } : null;
  } catch {
    return null;
  }
}
