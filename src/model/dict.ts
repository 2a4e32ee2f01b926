// Objects keyed by plan ids (or other text the plan chooses) have no prototype, so an id such as
// `constructor`, `toString` or `__proto__` is an ordinary key: looking up a missing one gives undefined,
// never a function of Object.prototype.

/** An empty map from text keys to values, without a prototype; optionally filled from entries. */
export function dict<T>(entries?: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  if (entries) for (const [key, value] of entries) out[key] = value;
  return out;
}

/** A deep copy of plain data in which every object has no prototype (arrays stay arrays). */
export function withoutPrototypes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutPrototypes) as T;
  if (value && typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, v] of Object.entries(value)) out[key] = withoutPrototypes(v);
    return out as T;
  }
  return value;
}

/** `value[key]` only when `key` is the object's own: safe for maps that came with a prototype (JSON). */
export function own<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A JSON.parse reviver that gives every object no prototype, like withoutPrototypes. */
export function parsedWithoutPrototypes(_key: string, value: unknown): unknown {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.assign(Object.create(null) as object, value) : value;
}
