// How pages show a finding besides its words: the status of its severity, and the page it links to.
import type { Finding, FindingSeverity } from '../model/findings.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Status } from './kit.ts';
import { href } from './routes.ts';


export const SEVERITY_STATUS: Readonly<Record<FindingSeverity, Status>> = { error: 'red', warning: 'amber', info: 'info' };

/** The page of the plan file a finding is about, at its entry (a milestone: at its target); none when that page is not built. */
export function findingHref(f: Finding, locale: Locale, pages: ReadonlySet<string>): string | undefined {
  return pages.has(f.subject.file) ? `${href(locale, f.subject.file)}#${f.subject.entity.parent ?? f.subject.entity.id}` : undefined;
}
