// Writes docs/diagnostics.md and docs/content-model.md from the codes and schemas (a test checks they are current).
import { writeFileSync } from 'node:fs';
import { renderContentModelDoc, renderDiagnosticsDoc } from './render-docs.ts';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), renderDiagnosticsDoc());
writeFileSync(new URL('../docs/content-model.md', import.meta.url), renderContentModelDoc());
console.log('wrote docs/diagnostics.md and docs/content-model.md');
