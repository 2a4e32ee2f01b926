// ajv errors → plain-language diagnostics: dotted path, "expected X, got Y", and a hint (cf. Starlight's error map).
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Code } from '../diagnostics/codes.ts';
import { diagnosticAt, type AtOptions } from '../load/diagnostic-at.ts';
import { formatPath, pointerToSegments, type PathSegment } from '../model/data-path.ts';
import type { YamlSource } from '../load/parse-yaml.ts';
import { didYouMean } from '../model/closest.ts';
import { typeHint } from './value-hints.ts';
import { checkUrl } from '../model/url-policy.ts';

/** The parts of a JSON Schema the messages read. */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  oneOf?: Schema[];
  anyOf?: Schema[];
  const?: unknown;
  title?: string;
  description?: string;
  examples?: unknown[];
}

/** The parameters of the ajv errors the messages read (ajv types them as `any`). */
interface Params {
  additionalProperty?: string;
  missingProperty?: string;
  type?: string | string[];
  allowedValues?: unknown[];
  allowedValue?: unknown;
  limit?: number;
  pattern?: string;
  format?: string;
  i?: number;
  j?: number;
  tag?: string;
}

export function schemaDiagnostics(source: YamlSource, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of relevantErrors(errors)) {
    const diagnostic = toDiagnostic(source, error);
    if (!diagnostic) continue;
    const key = `${diagnostic.code}|${diagnostic.path}|${diagnostic.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

/**
 * For `anyOf` (a text is a string or a locale map), keep only the errors of the branches whose type
 * matches the value; when none does, keep the `anyOf` error itself as a type mismatch.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    const branches = (error.parentSchema as Schema | undefined)?.[error.keyword] ?? [];
    const children = errors.filter((e) => e !== error && e.schemaPath.startsWith(`${error.schemaPath}/`));
    const matching = new Set(branches.map((b, i) => (typeMatches(b, error.data) ? i : -1)).filter((i) => i >= 0));
    for (const child of children) {
      const branch = Number(child.schemaPath.slice(error.schemaPath.length + 1).split('/')[0]);
      if (!matching.has(branch)) dropped.add(child);
    }
    if (children.some((c) => !dropped.has(c))) dropped.add(error);
  }
  // A union that also lists its tags in an enum reports an unknown tag twice; keep the union's report.
  for (const error of errors) {
    if (error.keyword !== 'discriminator') continue;
    const tag = String((error.params as { tag?: string }).tag ?? 'type');
    for (const e of errors) if (e.keyword === 'enum' && e.instancePath === `${error.instancePath}/${tag}`) dropped.add(e);
  }
  return errors.filter((e) => !dropped.has(e) && e.keyword !== 'propertyNames' && e.keyword !== 'if');
}

function typeMatches(schema: Schema, data: unknown): boolean {
  const type = schema.type;
  if (!type) return true;
  const types: string[] = Array.isArray(type) ? type : [type];
  return types.some((t) => jsonType(data) === t || (t === 'number' && jsonType(data) === 'integer'));
}

function jsonType(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  return typeof data;
}

/** How a value reads in a message: the string "3.5%", the number 3, an empty value. */
export function describeValue(data: unknown): string {
  if (data === null || data === undefined) return 'an empty value';
  if (typeof data === 'string') return `the text ${JSON.stringify(truncate(data))}`;
  if (typeof data === 'number' || typeof data === 'boolean') return `${typeof data === 'number' ? 'the number' : ''} ${String(data)}`.trim();
  if (Array.isArray(data)) return `a list of ${data.length}`;
  return 'a mapping';
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  array: 'a list (lines starting with "- ")',
  null: 'nothing',
};

function expectedType(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
}

/** Which shared definition a failing keyword belongs to, from its schema path. */
function sharedDef(error: ErrorObject): string | undefined {
  return /\$defs\/([A-Za-z]+)\/[^/]+$/.exec(error.schemaPath)?.[1];
}

const PATTERN_FORMS: Record<string, string> = {
  id: 'an id in kebab-case (lowercase letters, digits and hyphens, e.g. "tmall-flagship")',
  metricId: 'a metric id in snake_case (e.g. "new_customers")',
  month: 'a month as YYYY-MM (e.g. 2027-06)',
  monthly: 'a month as YYYY-MM (e.g. 2027-06)',
  monthlyShares: 'a month as YYYY-MM (e.g. 2027-06)',
  webAddress: 'a web address starting with https:// (e.g. https://github.com/acme/plan)',
};

function toDiagnostic(source: YamlSource, error: ErrorObject): Diagnostic | undefined {
  const segments = pointerToSegments(error.instancePath);
  const where = formatPath(segments) || 'the file';
  const parent = error.parentSchema as Schema | undefined;
  const params = error.params as Params;
  const make = (code: Code, message: string, at: readonly PathSegment[] = segments, options: AtOptions = {}) => diagnosticAt(source, at, code, message, options);
  // A scheme that would run script in the reader's browser is its own error, whichever keyword caught it.
  const unsafeLink = () => {
    const verdict = typeof error.data === 'string' ? checkUrl(error.data, 'link') : undefined;
    if (!verdict || verdict.ok) return undefined;
    return make('link-scheme', `${where} is a "${verdict.scheme}:" address; web addresses in a plan must start with https:// or http://.`, segments, { hint: `Write the address as https://… (e.g. ${String(parent?.examples?.[0] ?? 'https://github.com/acme/plan')}): other schemes such as javascript: would run in the reader’s browser when the site links to it.` });
  };

  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys(parent?.properties ?? {});
      return make('schema-unknown-key', `Unknown key "${name}" in ${where}.${didYouMean(name, allowed)}`, [...segments, name], {
        key: true,
        hint: `Allowed keys here: ${allowed.join(', ')}.`,
      });
    }
    case 'required': {
      const name = String(params.missingProperty);
      const prop: Schema | undefined = parent?.properties?.[name];
      const about = prop?.description ? ` (${prop.title ?? name}: ${String(prop.description).replace(/\.$/, '')})` : '';
      return make('schema-required', `${where} is missing the required field "${name}"${about}.`, segments, { hint: `Add \`${name}: …\` to ${where}.` });
    }
    case 'type': {
      const def = sharedDef(error);
      const rateHint = def === 'rate' || def === 'share' ? ' Write rates as decimals, e.g. 0.035 for 3.5 %.' : '';
      const types = Array.isArray(params.type) ? (params.type as string[]) : String(params.type).split(',');
      return make('schema-type', `${where} must be ${expectedType(params.type)}, got ${describeValue(error.data)}.${rateHint}`, segments, { hint: typeHint(types, error.data) });
    }
    case 'anyOf':
    case 'oneOf': {
      const branches = parent?.[error.keyword as 'oneOf' | 'anyOf'] ?? [];
      const types = [...new Set(branches.map((b) => b.type).filter(Boolean))];
      if (parent?.title === 'Text' || sharedDef(error) === 'text') {
        return make('schema-type', `${where} must be a text or one text per locale (e.g. { zh-CN: …, en: … }), got ${describeValue(error.data)}.`, segments, { hint: typeHint(['string'], error.data) });
      }
      return make('schema-invalid', `${where} must be ${types.length ? expectedType(types) : 'one of the allowed forms'}, got ${describeValue(error.data)}.`);
    }
    case 'enum': {
      const allowed: unknown[] = params.allowedValues ?? [];
      return make('schema-enum', `${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(error.data)}.${typeof error.data === 'string' ? didYouMean(error.data, allowed.map(String)) : ''}`);
    }
    case 'const':
      return make('schema-const', `${where} must be ${JSON.stringify(params.allowedValue)}, got ${describeValue(error.data)}.`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const def = sharedDef(error);
      if (def === 'rate' || def === 'share') {
        return make('schema-rate', `${where} must be a ${def} between 0 and 1, got ${describeValue(error.data)}.${typeof error.data === 'number' && error.data > 1 && error.data <= 100 ? ` Did you mean ${round(error.data / 100)} (${error.data} %)?` : ''}`);
      }
      const symbol = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword];
      return make('schema-range', `${where} must be ${symbol} ${params.limit}, got ${describeValue(error.data)}.`);
    }
    case 'decimals': {
      const places = Number(error.schema);
      return make('schema-decimals', `${where} has more than ${places} decimals: ${describeValue(error.data)}. Amounts of money are exact to the 分.`, segments, { hint: `Round it to ${typeof error.data === 'number' ? error.data.toFixed(places) : `${places} decimals`}.` });
    }
    case 'pattern': {
      if (error.propertyName !== undefined) {
        const def = sharedDef(error);
        const form = (def && PATTERN_FORMS[def]) ?? `text matching ${params.pattern}`;
        return make('schema-pattern', `The key "${error.propertyName}" in ${where} must be ${form}.`, [...segments, error.propertyName], { key: true });
      }
      const def = sharedDef(error);
      if (def === 'webAddress') {
        // No scheme at all: `format: uri` reports it already, as "a full web address (https://…)".
        if (typeof error.data === 'string' && checkUrl(error.data, 'link').scheme === null) return undefined;
        return unsafeLink() ?? make('schema-pattern', `${where} must be ${PATTERN_FORMS[def]}, got ${describeValue(error.data)}.`, segments, { hint: 'Links to each figure’s source line are built on this address (…/blob/main/content/targets.yaml#L12), so it must be a web page: write https://….' });
      }
      const form = (def && PATTERN_FORMS[def]) ?? `text matching ${params.pattern}`;
      return make('schema-pattern', `${where} must be ${form}, got ${describeValue(error.data)}.`);
    }
    case 'format': {
      const unsafe = params.format === 'uri' ? unsafeLink() : undefined;
      if (unsafe) return unsafe;
      const form = params.format === 'date' ? 'a date as YYYY-MM-DD (e.g. 2027-11-11)' : params.format === 'uri' ? 'a full web address (https://…)' : `a ${params.format}`;
      return make('schema-format', `${where} must be ${form}, got ${describeValue(error.data)}.`);
    }
    case 'minLength':
    case 'maxLength':
      return make('schema-length', `${where} must have ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${params.limit} characters.`);
    case 'minItems':
    case 'maxItems':
      return make('schema-length', `${where} must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${params.limit} item(s).`);
    case 'minProperties':
    case 'maxProperties':
      return make('schema-length', `${where} must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${params.limit} key(s).`);
    case 'uniqueItems':
      return make('schema-unique', `${where} lists the same item twice (items ${params.j} and ${params.i}).`, [...segments, params.i ?? 0]);
    case 'discriminator': {
      const tag = String(params.tag ?? 'type');
      const values = (parent?.oneOf ?? []).map((b: Schema) => b.properties?.[tag]?.const).filter(Boolean) as string[];
      const got = (error.data as Record<string, unknown> | undefined)?.[tag];
      if (got === undefined) return make('schema-required', `${where} is missing the required field "${tag}" (one of ${values.join(', ')}).`);
      return make('schema-variant', `${where}.${tag} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(got)}.${typeof got === 'string' ? didYouMean(got, values) : ''}`, [...segments, tag]);
    }
    default:
      return make('schema-invalid', `${where} ${error.message ?? 'does not match the content model'}.`);
  }
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
