// Writes docs/diagnostics.md, docs/content-model.md and docs/chapters.md from the codes, schemas and chapter figures (a test checks they are current).
import { writeFileSync } from 'node:fs';
import { renderChaptersDoc, renderContentModelDoc, renderDiagnosticsDoc } from './render-docs.ts';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), renderDiagnosticsDoc());
writeFileSync(new URL('../docs/content-model.md', import.meta.url), renderContentModelDoc());
writeFileSync(new URL('../docs/chapters.md', import.meta.url), renderChaptersDoc());
console.log('wrote docs/diagnostics.md, docs/content-model.md and docs/chapters.md');
