// The fields of one list entry (a SKU, a channel, a role) as a spreadsheet sees them: one column per leaf,
// found by walking the entry's JSON Schema ($refs into common.schema.json resolved, `oneOf` variants merged).
import { readSchemas, type JsonSchema } from './schema-registry.ts';
import { FIELD_TITLES_ZH } from '../i18n/field-titles.ts';
import { invariant } from '../model/invariant.ts';

type Schema = JsonSchema & {
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  type?: unknown;
  title?: string;
  format?: string;
  additionalProperties?: unknown;
  propertyNames?: { pattern?: string; $ref?: string };
  discriminator?: { propertyName: string };
};

/** How a cell becomes a value. */
export type FieldKind =
  | 'id' | 'string' | 'text' | 'textList' | 'idList' | 'number' | 'integer' | 'money' | 'rate' | 'enum' | 'month' | 'date' | 'boolean';

export interface Field {
  /** Path inside the entry, e.g. `['forecast', 'monthlyUnits']`. */
  path: string[];
  kind: FieldKind;
  /** Titles in English (the schema's `title`) and Chinese (src/i18n/field-titles.ts). */
  title: { en: string; 'zh-CN': string | undefined };
  /** Allowed values of an enum (or the variants of a union's discriminator). */
  values?: string[];
  /** The field is a union's discriminator (`pricing.type`): the object is rebuilt when it changes. */
  discriminator?: boolean;
}

/** A map keyed by months or ids (`headcount`, `budget.monthly`, `scores`): one column per key, `headcount.2027-01`. */
export interface KeyedField {
  path: string[];
  keys: 'month' | 'id';
  value: FieldKind;
  title: { en: string; 'zh-CN': string | undefined };
}

export interface EntryFields {
  /** `products.skus`: the file and the list the entries live in. */
  base: string;
  fields: Field[];
  keyed: KeyedField[];
  /** Fields a sheet cannot hold (lists of objects); named when a header asks for them. */
  unsupported: Array<{ path: string[]; title: Field['title'] }>;
}

let schemas: Map<string, Schema> | undefined;
function schemaMap(): Map<string, Schema> {
  schemas ??= new Map(readSchemas().map((s) => [String(s.$id), s as Schema]));
  return schemas;
}

/** Follows `$ref`s (`common.schema.json#/$defs/money`) and returns the def names passed on the way. */
function resolve(schema: Schema, file: string): { schema: Schema; defs: string[]; file: string } {
  const defs: string[] = [];
  let s = schema;
  let f = file;
  for (let i = 0; s.$ref && i < 10; i++) {
    const [target, pointer = ''] = s.$ref.split('#');
    if (target) f = target;
    const name = pointer.split('/').pop() ?? '';
    defs.push(name);
    const root = schemaMap().get(f)!;
    s = { ...(pointer.split('/').filter(Boolean).reduce<Schema | undefined>((n, k) => (n as Record<string, Schema> | undefined)?.[k], root) ?? {}), ...(s.title ? { title: s.title } : {}) };
  }
  return { schema: s, defs, file: f };
}

const KIND_OF_DEF: Record<string, FieldKind> = {
  id: 'id', metricId: 'string', text: 'text', copy: 'text', textList: 'textList', money: 'money', rate: 'rate', share: 'rate',
  multiplier: 'number', count: 'integer', score: 'number', month: 'month', date: 'date', idList: 'idList', teamRef: 'id',
};

/** The fields of the entries of `file`'s list `list` (e.g. `products`, `skus`). */
export function entryFields(file: string, list: string): EntryFields {
  const fields = listFields(file, list);
  invariant(fields, `${file}.schema.json has no list "${list}"`);
  return fields;
}

/** The same, or undefined when the schemas have no such list. */
export function listFields(file: string, list: string): EntryFields | undefined {
  const root = schemaMap().get(`${file}.schema.json`);
  const listSchema = root?.properties?.[list];
  if (!root || !listSchema?.items) return undefined;
  const base = `${file}.${list}`;
  const out: EntryFields = { base, fields: [], keyed: [], unsupported: [] };
  walk(listSchema.items, `${file}.schema.json`, [], base, out);
  return out;
}

function titleOf(schema: Schema, base: string, path: string[]): Field['title'] {
  return { en: String(schema.title ?? path.at(-1)), 'zh-CN': FIELD_TITLES_ZH[`${base}.${path.join('.')}`] };
}

function walk(schema: Schema, file: string, prefix: string[], base: string, out: EntryFields): void {
  const { schema: s, file: f } = resolve(schema, file);
  const props: Record<string, Schema> = { ...(s.properties ?? {}) };
  const variants = s.oneOf ?? [];
  const discriminator = s.discriminator?.propertyName;
  for (const v of variants) for (const [k, p] of Object.entries(v.properties ?? {})) if (!(k in props) || k !== discriminator) props[k] ??= p;
  for (const [name, prop] of Object.entries(props)) {
    const path = [...prefix, name];
    const title = titleOf(prop, base, path);
    const r = resolve(prop, f);
    const kind = r.defs.map((d) => KIND_OF_DEF[d]).find(Boolean);
    if (kind) {
      out.fields.push({ path, kind, title });
      continue;
    }
    const t = r.schema;
    if (name === discriminator || t.enum) {
      const values = (t.enum ?? variants.map((v) => v.properties?.[name]?.const)).map(String);
      out.fields.push({ path, kind: 'enum', title, values, ...(name === discriminator ? { discriminator: true } : {}) });
    } else if (t.type === 'object' && t.properties) {
      walk(t, r.file, path, base, out);
    } else if (t.type === 'object' && t.additionalProperties && typeof t.additionalProperties === 'object') {
      const keys = t.propertyNames?.$ref ? 'id' : 'month';
      const value = resolve(t.additionalProperties as Schema, r.file);
      const valueKind = value.defs.map((d) => KIND_OF_DEF[d]).find(Boolean) ?? (value.schema.type === 'integer' ? 'integer' : 'number');
      out.keyed.push({ path, keys, value: valueKind, title });
    } else if (t.type === 'array') {
      const items = resolve(t.items ?? {}, r.file);
      const itemKind = items.defs.map((d) => KIND_OF_DEF[d]).find(Boolean);
      if (itemKind === 'id' || itemKind === 'string') out.fields.push({ path, kind: 'idList', title });
      else if (itemKind === 'text') out.fields.push({ path, kind: 'textList', title });
      else out.unsupported.push({ path, title });
    } else if (t.type === 'integer') out.fields.push({ path, kind: 'integer', title });
    else if (t.type === 'number') out.fields.push({ path, kind: 'number', title });
    else if (t.type === 'boolean') out.fields.push({ path, kind: 'boolean', title });
    else if (t.type === 'string') out.fields.push({ path, kind: t.format === 'date' ? 'date' : 'string', title });
    else out.unsupported.push({ path, title });
  }
}
