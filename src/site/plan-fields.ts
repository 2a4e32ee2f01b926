// A plan path (`channels.tmall.funnel.cvr` as scenario overrides and sensitivity drivers write it, or
// `channels[tmall].funnel.cvr` as the changes between versions do) in the reader's words: the name of the
// entry it is in and the field's title in each language (the schema's title, and its Chinese title from
// i18n/field-titles.ts), with the field's unit so a value reads as a rate or money. Worked out once per build
// from the schemas, so pages only pick words.
import type { PlanInput, Text } from '../model/plan-input.generated.ts';
import { resolvePlanPath } from '../model/plan-path.ts';
import { listFields, type Field, type FieldKind } from '../validate/schema-fields.ts';

export interface PlanField {
  /** The plan file the path is in (`channels`). */
  file: string;
  /** The name of the list entry the path is in (the channel, the SKU), when it has one. */
  entry?: Text;
  /** The title of the field inside the entry (or of the nearest one holding it); none for the whole entry. */
  title?: Field['title'];
  /** How its values read. */
  unit: 'money' | 'rate' | 'count' | 'number';
}

const UNIT_OF: Partial<Record<FieldKind, PlanField['unit']>> = { money: 'money', rate: 'rate', integer: 'count' };

/** The field each of `paths` names, keyed by path as given; a path that names nothing in the plan is left out. */
export function planFields(input: PlanInput, paths: Iterable<string>): Record<string, PlanField> {
  const out: Record<string, PlanField> = {};
  for (const path of paths) {
    const field = planField(input, path);
    if (field) out[path] = field;
  }
  return out;
}

function planField(input: PlanInput, path: string): PlanField | undefined {
  // `targets[gmv].value` → `targets.gmv.value`
  const dotted = path.replace(/\[([^\]"]+)\]/g, '.$1');
  const resolved = resolvePlanPath(input as unknown as Record<string, unknown>, dotted);
  if (!resolved) return undefined;
  const segments = resolved.segments;
  const file = String(segments[0]);
  // `[file, list, index, …field]`: the entry is the list item the path goes through.
  const at = segments.findIndex((s) => typeof s === 'number');
  if (at !== 2) return { file, unit: 'number' };
  const list = String(segments[1]);
  const entry = (input as unknown as Record<string, Record<string, Array<{ name?: Text; title?: Text }>>>)[file]?.[list]?.[segments[at] as number];
  const name = entry?.name ?? entry?.title;
  const inside = segments.slice(at + 1).map(String);
  const fields = listFields(file, list);
  // The field itself, else the nearest field holding it (a month of a monthly budget is the monthly budget).
  const field = inside.length === 0 ? undefined : [...(fields?.fields ?? []), ...(fields?.keyed ?? [])]
    .filter((f) => f.path.every((p, i) => inside[i] === p))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const kind = field && ('kind' in field ? field.kind : field.value);
  return { file, ...(name ? { entry: name } : {}), ...(field ? { title: field.title } : {}), unit: (kind && UNIT_OF[kind]) ?? 'number' };
}
