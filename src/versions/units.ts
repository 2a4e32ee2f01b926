// The unit of a plan input, from its JSON Schema: a value declared as `common#/$defs/money` is money,
// `rate`/`share` a rate, `count` a count. Used to format input changes (¥8,800,000, 3.50 %).
import { readSchemas, type JsonSchema } from '../validate/schema-registry.ts';
import type { PathSegment } from '../model/data-path.ts';

export type DiffUnit = 'money' | 'rate' | 'count' | 'ratio' | 'number';

let byId: Map<string, JsonSchema> | undefined;

function schemas(): Map<string, JsonSchema> {
  byId ??= new Map(readSchemas().map((s) => [String(s.$id), s]));
  return byId;
}

const DEF_UNITS: Record<string, DiffUnit> = { money: 'money', rate: 'rate', share: 'rate', count: 'count', multiplier: 'ratio', score: 'number' };

/** Target values carry the unit of their metric (targets.yaml `metric`). */
const METRIC_UNITS: Record<string, DiffUnit> = {
  gmv: 'money', revenue: 'money', 'gross-profit': 'money', 'operating-profit': 'money', aov: 'money',
  'new-customers': 'count', orders: 'count', dau: 'count', mau: 'count', 'repurchase-rate': 'rate', cvr: 'rate',
};

type Node = { schema: JsonSchema; file: string };

function deref(node: Node, seen = 0): Node[] {
  const { schema, file } = node;
  const out: Node[] = [];
  const ref = schema.$ref;
  if (typeof ref === 'string' && seen < 20) {
    const [target, pointer = ''] = ref.split('#');
    const doc = target ? schemas().get(target) : schemas().get(file);
    const resolved = pointer.split('/').filter(Boolean).reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), doc);
    if (resolved && typeof resolved === 'object') out.push(...deref({ schema: resolved as JsonSchema, file: target || file }, seen + 1));
  }
  out.push(node);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list) if (s && typeof s === 'object') out.push(...deref({ schema: s as JsonSchema, file }, seen + 1));
  }
  for (const key of ['then', 'else'] as const) {
    const s = schema[key];
    if (s && typeof s === 'object') out.push(...deref({ schema: s as JsonSchema, file }, seen + 1));
  }
  return out;
}

function child(nodes: Node[], segment: PathSegment): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const s = n.schema;
    if (typeof segment === 'number') {
      if (s.items && typeof s.items === 'object') out.push({ schema: s.items as JsonSchema, file: n.file });
      continue;
    }
    const props = s.properties as Record<string, JsonSchema> | undefined;
    if (props && props[segment]) out.push({ schema: props[segment]!, file: n.file });
    const patterns = s.patternProperties as Record<string, JsonSchema> | undefined;
    for (const [pattern, p] of Object.entries(patterns ?? {})) if (new RegExp(pattern, 'u').test(segment)) out.push({ schema: p, file: n.file });
    if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push({ schema: s.additionalProperties as JsonSchema, file: n.file });
  }
  return out.flatMap((n) => deref(n));
}

/** The unit of the value at `segments` (concrete, list items by index) in plan file `fileKey`. */
export function unitOf(fileKey: string, segments: readonly PathSegment[], item?: unknown): DiffUnit {
  if (fileKey === 'targets' && segments[0] === 'targets' && (segments[2] === 'value' || (segments[2] === 'baseline' && segments[3] === 'value'))) {
    const metric = (item as { metric?: string } | undefined)?.metric;
    if (metric && METRIC_UNITS[metric]) return METRIC_UNITS[metric];
  }
  const root = schemas().get(`${fileKey}.schema.json`);
  if (!root) return 'number';
  let nodes = deref({ schema: root, file: `${fileKey}.schema.json` });
  for (const segment of segments) {
    nodes = child(nodes, segment);
    if (nodes.length === 0) return 'number';
  }
  for (const n of nodes) {
    const ref = n.schema.$ref;
    const def = typeof ref === 'string' ? /\/\$defs\/(\w+)$/.exec(ref)?.[1] : undefined;
    if (def && DEF_UNITS[def]) return DEF_UNITS[def];
  }
  if (nodes.some((n) => n.schema.type === 'integer')) return 'count';
  return 'number';
}
