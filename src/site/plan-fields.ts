// A plan path (`channels.tmall.funnel.cvr`, as scenario overrides and sensitivity drivers write it) in the
// reader's words: the name of the entry it is in and the field's title in each language (the schema's title,
// and its Chinese title from i18n/field-titles.ts), with the field's unit so a value reads as a rate or money.
// Worked out once per build from the schemas, so pages only pick words.
import type { PlanInput, Text } from '../model/plan-input.generated.ts';
import { resolvePlanPath } from '../model/plan-path.ts';
import { listFields, type Field, type FieldKind } from '../validate/schema-fields.ts';

export interface PlanField {
  /** The name of the list entry the path is in (the channel, the SKU), when it has one. */
  entry?: Text;
  title: Field['title'];
  /** How its values read. */
  unit: 'money' | 'rate' | 'count' | 'number';
}

const UNIT_OF: Partial<Record<FieldKind, PlanField['unit']>> = { money: 'money', rate: 'rate', integer: 'count' };

/** The field each of `paths` names, keyed by path; a path that names no field of a list entry is left out. */
export function planFields(input: PlanInput, paths: Iterable<string>): Record<string, PlanField> {
  const out: Record<string, PlanField> = {};
  for (const path of paths) {
    const field = planField(input, path);
    if (field) out[path] = field;
  }
  return out;
}

function planField(input: PlanInput, path: string): PlanField | undefined {
  const resolved = resolvePlanPath(input as unknown as Record<string, unknown>, path);
  const segments = resolved?.segments ?? [];
  // `[file, list, index, …field]`: the entry is the list item the path goes through.
  const at = segments.findIndex((s) => typeof s === 'number');
  if (at !== 2) return undefined;
  const [file, list] = segments as [string, string];
  const fields = listFields(file, list)?.fields ?? [];
  const inside = segments.slice(at + 1).join('.');
  const field = fields.find((f) => f.path.join('.') === inside);
  if (!field) return undefined;
  const entry = ((input as unknown as Record<string, Record<string, Array<{ name?: Text }>>>)[file]?.[list]?.[segments[at] as number])?.name;
  return { ...(entry ? { entry } : {}), title: field.title, unit: UNIT_OF[field.kind] ?? 'number' };
}
