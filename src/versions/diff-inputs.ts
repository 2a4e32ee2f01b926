// What changed in the plan's inputs, by meaning rather than by text line: two PlanInputs are walked side
// by side, list items with an `id` are matched by id (so reordering is no change), and every difference
// is reported at its plan path — `targets[gmv].value`, `marketing.channels[qianchuan].budget.total` —
// with the value before and after. Chapters and actuals are compared as files.
import type { PlanCheck } from '../pipeline/check-plan.ts';
import { locate } from '../load/locate.ts';
import type { PathSegment } from '../model/data-path.ts';
import { PLAN_FILES, type PlanFileKey } from '../model/plan-files.ts';
import { unitOf, type DiffUnit } from './units.ts';
import { deltaOf } from './numbers.ts';

export interface InputChange {
  /** The file in the plan folder, e.g. `marketing.yaml` or `chapters/01-strategy.mdx`. */
  file: string;
  /** Plan path with ids for list items; the list named like its file is left out: `channels[tmall].funnel.cvr`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** The value before / after (absent when added / removed; absent for chapter and CSV files). */
  before?: unknown;
  after?: unknown;
  /** For numbers: after − before, and that ÷ |before| (null when before is 0). */
  delta?: number;
  deltaPct?: number | null;
  unit?: DiffUnit;
  /** The line in the file (the `to` side; the `from` side when removed). */
  line?: number;
}

type Plain = Record<string, unknown>;

const isObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: unknown): v is Plain & { id: string | number } => isObject(v) && (typeof v.id === 'string' || typeof v.id === 'number');
const idList = (v: unknown[]) => v.length > 0 && v.every(hasId) && new Set(v.map((x) => (x as { id: unknown }).id)).size === v.length;

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

/** Display segment: a list item matched by id is `[id]`. */
type Shown = { key: string } | { id: string | number } | { index: number };

function showPath(fileKey: string, shown: Shown[]): string {
  let out = fileKey;
  shown.forEach((s, i) => {
    if ('key' in s) {
      if (i === 0 && s.key === fileKey) return; // channels.channels[tmall] → channels[tmall]
      out += /^[A-Za-z_$][\w$-]*$/.test(s.key) ? `.${s.key}` : `[${JSON.stringify(s.key)}]`;
    } else if ('id' in s) out += `[${s.id}]`;
    else out += `[${s.index}]`;
  });
  return out;
}

interface Side {
  value: unknown;
  /** Concrete segments (list items by index) from the file's root, for locating lines. */
  segments: PathSegment[];
  /** The nearest enclosing list item (for units that depend on a sibling, like a target's metric). */
  item?: unknown;
}

/** Semantic differences between two checked plans' inputs, in plan-file order. */
export function diffInputs(from: PlanCheck, to: PlanCheck): InputChange[] {
  const out: InputChange[] = [];
  const a = (from.input ?? {}) as Plain;
  const b = (to.input ?? {}) as Plain;
  for (const key of PLAN_FILES) {
    if (!Object.hasOwn(a, key) && !Object.hasOwn(b, key)) continue;
    const file = yamlName(key, to, from);
    const lineOf = (check: PlanCheck, segments: PathSegment[]) => {
      const source = check.sources?.files[key as PlanFileKey];
      return source ? locate(source, segments).place.start.line : undefined;
    };
    const emit = (kind: InputChange['kind'], shown: Shown[], x: Side | undefined, y: Side | undefined) => {
      const change: InputChange = { file, path: showPath(key, shown), kind };
      if (x) change.before = x.value;
      if (y) change.after = y.value;
      const numeric = typeof x?.value === 'number' || typeof y?.value === 'number';
      if (numeric) {
        const side = y ?? x!;
        change.unit = unitOf(key, side.segments, side.item);
        if (typeof x?.value === 'number' && typeof y?.value === 'number') Object.assign(change, deltaOf(x.value, y.value, change.unit));
      }
      const line = y ? lineOf(to, y.segments) : x ? lineOf(from, x.segments) : undefined;
      if (line !== undefined) change.line = line;
      out.push(change);
    };
    const walk = (x: Side | undefined, y: Side | undefined, shown: Shown[]) => {
      if (x === undefined && y === undefined) return;
      if (x === undefined) return emit('added', shown, undefined, y);
      if (y === undefined) return emit('removed', shown, x, undefined);
      if (equal(x.value, y.value)) return;
      if (isObject(x.value) && isObject(y.value)) {
        const xo = x.value;
        const yo = y.value;
        for (const k of union(Object.keys(yo), Object.keys(xo))) {
          walk(Object.hasOwn(xo, k) ? { value: xo[k], segments: [...x.segments, k], item: x.item } : undefined, Object.hasOwn(yo, k) ? { value: yo[k], segments: [...y.segments, k], item: y.item } : undefined, [...shown, { key: k }]);
        }
        return;
      }
      if (Array.isArray(x.value) && Array.isArray(y.value)) {
        const xs = x.value;
        const ys = y.value;
        if (idList(xs) && idList(ys)) {
          const ix = new Map(xs.map((v, i) => [(v as { id: string | number }).id, i]));
          const iy = new Map(ys.map((v, i) => [(v as { id: string | number }).id, i]));
          for (const id of union([...iy.keys()], [...ix.keys()])) {
            const i = ix.get(id);
            const j = iy.get(id);
            walk(i === undefined ? undefined : { value: xs[i], segments: [...x.segments, i], item: xs[i] }, j === undefined ? undefined : { value: ys[j], segments: [...y.segments, j], item: ys[j] }, [...shown, { id }]);
          }
          return;
        }
        // A list of plain values (ids, tags …) changes as a whole; a list of unnamed entries by position.
        if (xs.every((v) => !isObject(v) && !Array.isArray(v)) && ys.every((v) => !isObject(v) && !Array.isArray(v))) return emit('changed', shown, x, y);
        for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
          walk(i < xs.length ? { value: xs[i], segments: [...x.segments, i], item: xs[i] } : undefined, i < ys.length ? { value: ys[i], segments: [...y.segments, i], item: ys[i] } : undefined, [...shown, { index: i }]);
        }
        return;
      }
      emit('changed', shown, x, y);
    };
    walk(Object.hasOwn(a, key) ? { value: a[key], segments: [] } : undefined, Object.hasOwn(b, key) ? { value: b[key], segments: [] } : undefined, []);
  }
  out.push(...diffTextFiles(from, to));
  return out;
}

function union<T>(first: readonly T[], second: readonly T[]): T[] {
  const seen = new Set(first);
  return [...first, ...second.filter((k) => !seen.has(k))];
}

/** `targets.yaml` (or `.yml` when that is what the plan uses). */
function yamlName(key: string, ...checks: PlanCheck[]): string {
  for (const c of checks) {
    const source = c.sources?.files[key as PlanFileKey];
    if (source) return source.file.split('/').pop()!;
  }
  return `${key}.yaml`;
}

/** Chapters and actuals files that were added, removed or edited, by their name in the plan folder. */
function diffTextFiles(from: PlanCheck, to: PlanCheck): InputChange[] {
  const texts = (check: PlanCheck) => {
    const dir = check.sources?.dir.replace(/\\/g, '/').replace(/\/$/, '') ?? '';
    const strip = (file: string) => (file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : file);
    return new Map([...(check.sources?.chapters ?? []), ...(check.sources?.actuals ?? [])].map((s) => [strip(s.file), s.text]));
  };
  const a = texts(from);
  const b = texts(to);
  const out: InputChange[] = [];
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(name);
    const y = b.get(name);
    if (x === y) continue;
    out.push({ file: name, path: name, kind: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed' });
  }
  return out;
}
