// How pages show a finding besides its words: the status of its severity, and the page it links to.
import type { Finding, FindingSeverity } from '../model/findings.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Status } from './kit.ts';
import { href } from './routes.ts';

export const SEVERITY_STATUS: Readonly<Record<FindingSeverity, Status>> = { error: 'red', warning: 'amber', info: 'info' };

/**
 * The page of the plan file a finding is about, at its entry (a milestone: at its target); the top of the page for
 * a finding about the plan as a whole (no entry of the page has the plan's id); none when that page is not built.
 */
export function findingHref(f: Finding, locale: Locale, pages: ReadonlySet<string>): string | undefined {
  if (!pages.has(f.subject.file)) return undefined;
  const page = href(locale, f.subject.file);
  return f.subject.entity.entity === 'plan' ? page : `${page}#${f.subject.entity.parent ?? f.subject.entity.id}`;
}
