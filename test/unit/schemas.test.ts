import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createAjv } from '../../src/validate/ajv.ts';
import { readSchemas } from '../../src/validate/schema-registry.ts';
import { PLAN_FILES } from '../../src/model/plan-files.ts';
import { renderPlanInputTypes } from '../../scripts/render-types.ts';
import { renderValidators, renderValidatorTypes, VALIDATOR_FILES, type ValidatorSet } from '../../scripts/render-validators.ts';
import { renderChaptersDoc, renderContentModelDoc, renderDiagnosticsDoc } from '../../scripts/render-docs.ts';
import { CODES } from '../../src/diagnostics/codes.ts';

/** Every `properties` entry anywhere in a schema, with its path. */
function properties(node: unknown, path: string, out: Array<[string, Record<string, unknown>]> = []) {
  if (Array.isArray(node)) node.forEach((n, i) => properties(n, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties') for (const [name, p] of Object.entries(v as object)) out.push([`${path}/properties/${name}`, p as Record<string, unknown>]);
      properties(v, `${path}/${k}`, out);
    }
  }
  return out;
}

describe('schemas', () => {
  it('has one draft 2020-12 schema per plan file, all compiling in strict mode', () => {
    const ids = readSchemas().map((s) => s.$id);
    for (const key of PLAN_FILES) expect(ids).toContain(`${key}.schema.json`);
    const ajv = createAjv();
    for (const key of PLAN_FILES) expect(ajv.getSchema(`${key}.schema.json`)).toBeTypeOf('function');
    for (const s of readSchemas()) expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('gives every property a title and a description, for editor hover docs', () => {
    const missing = readSchemas().flatMap((s) => properties(s, String(s.$id)).filter(([, p]) => !p.title || !p.description).map(([path]) => path));
    expect(missing).toEqual([]);
  });

  it('closes every object with additionalProperties: false so typos are caught', () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      // A discriminated union closes each variant instead of the union itself.
      if (n.properties && n.additionalProperties === undefined && !n.oneOf && !n.discriminator && !String(path).includes('/if') && !String(path).includes('/then') && !String(path).includes('/anyOf')) open.push(path);
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    };
    for (const s of readSchemas()) walk(s, String(s.$id));
    expect(open).toEqual([]);
  });

  it('keeps the generated input types in step with the schemas (run `npm run gen`)', async () => {
    const committed = readFileSync(new URL('../../src/model/plan-input.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderPlanInputTypes());
  });

  it('keeps the precompiled validators in step with the schemas (run `npm run gen`)', () => {
    for (const [set, name] of Object.entries(VALIDATOR_FILES)) {
      expect(readFileSync(new URL(`../../src/validate/${name}.js`, import.meta.url), 'utf8')).toBe(renderValidators(set as ValidatorSet));
      expect(readFileSync(new URL(`../../src/validate/${name}.d.ts`, import.meta.url), 'utf8')).toBe(renderValidatorTypes(set as ValidatorSet));
    }
  });

  it('keeps docs/diagnostics.md, docs/content-model.md and docs/chapters.md in step (run `npm run gen`)', () => {
    expect(readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8')).toBe(renderDiagnosticsDoc());
    expect(readFileSync(new URL('../../docs/content-model.md', import.meta.url), 'utf8')).toBe(renderContentModelDoc());
    expect(readFileSync(new URL('../../docs/chapters.md', import.meta.url), 'utf8')).toBe(renderChaptersDoc());
  });

  it('uses only documented diagnostic codes in the sources', () => {
    const used = new Set<string>();
    const walk = (dir: URL) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(new URL(`${entry.name}/`, dir));
        else if (entry.name.endsWith('.ts')) for (const m of readFileSync(new URL(entry.name, dir), 'utf8').matchAll(/new Diagnostic\(\s*'([a-z-]+)'/g)) used.add(m[1]!);
      }
    };
    walk(new URL('../../src/', import.meta.url));
    for (const code of used) expect(Object.keys(CODES)).toContain(code);
  });
});
