import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAjv } from '../../src/validate/ajv.ts';
import { readSchemas } from '../../src/validate/schema-registry.ts';

type Node = Record<string, unknown>;

/** Every subschema that carries `examples` or `default`, or that is a property, with its JSON Pointer. */
function walk(node: unknown, pointer: string, visit: (n: Node, pointer: string, isProperty: boolean) => void, isProperty = false): void {
  if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${pointer}/${i}`, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node, pointer, isProperty);
    for (const [k, v] of Object.entries(node)) {
      // Values, and the conditions of if/then (constraints on properties defined elsewhere), are not fields.
      if (['examples', 'default', 'const', 'enum', 'if', 'then', 'else', 'not'].includes(k)) continue;
      if (k === 'properties') for (const [name, p] of Object.entries(v as object)) walk(p, `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, visit, true);
      else walk(v, `${pointer}/${k}`, visit);
    }
  }
}

// Values that have one obvious form: numbers, ids, months, dates, maps by month or id, lists of ids.
const NEEDS_EXAMPLE = new Set(['id', 'metricId', 'money', 'rate', 'share', 'multiplier', 'count', 'score', 'month', 'date', 'idList', 'teamRef', 'monthly', 'monthlyShares', 'columnName']);

describe('schema examples and defaults (what the editor shows on hover)', () => {
  const schemas = readSchemas().filter((s) => s.$id !== 'common.schema.json');

  it('every example and default is a valid value of its own field', () => {
    const ajv = createAjv();
    const bad: string[] = [];
    for (const s of schemas) {
      walk(s, '', (n, pointer) => {
        const values = [...(Array.isArray(n.examples) ? n.examples : []), ...('default' in n ? [n.default] : [])];
        if (!values.length) return;
        const validate = ajv.compile({ $ref: `${String(s.$id)}#${pointer}` });
        for (const v of values) if (!validate(v)) bad.push(`${String(s.$id)}#${pointer}: ${JSON.stringify(v)} — ${ajv.errorsText(validate.errors)}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('every number, id, month, date, id list and map field carries examples or a default', () => {
    const missing: string[] = [];
    for (const s of schemas) {
      walk(s, '', (n, pointer, isProperty) => {
        if (!isProperty || n.enum || n.const !== undefined || n.examples || 'default' in n) return;
        const def = typeof n.$ref === 'string' ? n.$ref.split('/').pop()! : undefined;
        if ((def && NEEDS_EXAMPLE.has(def)) || n.type === 'number' || n.type === 'integer' || n.type === 'boolean') missing.push(`${String(s.$id)}#${pointer}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('every variant of every discriminated union has an example of its own type', () => {
    const missing: string[] = [];
    for (const s of schemas) {
      walk(s, '', (n, pointer) => {
        const d = (n.discriminator as { propertyName?: string } | undefined)?.propertyName;
        if (!d || !Array.isArray(n.oneOf)) return;
        for (const v of n.oneOf as Node[]) {
          const tag = ((v.properties as Record<string, Node>)[d]!).const;
          if (!(v.examples as Node[] | undefined)?.some((e) => e[d] === tag)) missing.push(`${String(s.$id)}#${pointer} ${String(tag)}`);
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('docs/content-model.md shows every variant of every union with an example of it', () => {
    const doc = readFileSync(new URL('../../docs/content-model.md', import.meta.url), 'utf8');
    const sections = doc.split(/\n(?=#{2,4} )/);
    const missing: string[] = [];
    let unions = 0;
    for (const s of schemas) {
      walk(s, '', (n) => {
        const d = (n.discriminator as { propertyName?: string } | undefined)?.propertyName;
        if (!d || !Array.isArray(n.oneOf)) return;
        unions++;
        for (const v of n.oneOf as Node[]) {
          const tag = String(((v.properties as Record<string, Node>)[d]!).const);
          const section = sections.find((x) => x.startsWith(`#### \`${d}: ${tag}\``));
          if (!section || !new RegExp(`\`\`\`yaml\\n[\\s\\S]*\\b${d}: ${tag}\\n[\\s\\S]*\`\`\``).test(section)) missing.push(`${String(s.$id)} ${d}: ${tag}`);
        }
      });
    }
    expect(unions).toBeGreaterThanOrEqual(3);
    expect(missing).toEqual([]);
  });
});
