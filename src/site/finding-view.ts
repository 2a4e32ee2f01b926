// How pages show a finding besides its words: the badge colour of its severity.
import type { FindingSeverity } from '../model/findings.ts';

export const SEVERITY_CLASS: Readonly<Record<FindingSeverity, string>> = { error: 'status-red', warning: 'status-amber', info: 'status-blue' };
