/**
 * Dictionaries keyed by names that users choose (user names, client ids, bucket names, object keys,
 * dataset names, record keys, condition operators …).
 *
 * A plain `{}` inherits from `Object.prototype`, so `obj[name]` "finds" `constructor`, `toString`,
 * `valueOf` or `hasOwnProperty` for names nobody stored, and `obj['__proto__'] = x` replaces the
 * object's prototype instead of storing `x`. The engine therefore keeps every user-keyed dictionary
 * as a null-prototype record (`createDict`) and reads it by own property only (`getOwn`, `hasOwn`);
 * `setOwn` stores data even for the key `__proto__`, whatever the target's prototype.
 *
 * State stays plain JSON data: `JSON.stringify` writes own enumerable properties, and
 * `parseState` rebuilds every object of a snapshot with a null prototype, so a restored cloud is as
 * safe as a fresh one. `tests/hostile/prototype-names.property.test.ts` and
 * `src/sim/core/dict-scan.test.ts` keep the pattern from coming back.
 */

/** A record whose keys come from users. Always made by `createDict`, never by `{}`. */
export type Dict<T> = Record<string, T>;

/**
 * A null-prototype record, optionally filled from `entries` (copied by own enumerable property).
 * @example const users = createDict<UserRecord>(); setOwn(users, '__proto__', user);
 */
export function createDict<T>(
  entries?: Readonly<Record<string, T>> | Iterable<readonly [string, T]>,
): Dict<T> {
  const dict = Object.create(null) as Dict<T>;
  if (!entries) return dict;
  const pairs =
    Symbol.iterator in entries ? (entries as Iterable<readonly [string, T]>) : Object.entries(entries);
  for (const [key, value] of pairs) setOwn(dict, key, value);
  return dict;
}

/** Whether `dict` itself holds `key` (never what `Object.prototype` carries). */
export function hasOwn(dict: object | undefined | null, key: string | undefined | null): boolean {
  return dict !== undefined && dict !== null && typeof key === 'string' && Object.hasOwn(dict, key);
}

/** The value `dict` itself holds under `key`, or undefined (for `constructor`, `__proto__` … too). */
export function getOwn<T>(
  dict: Readonly<Record<string, T>> | undefined | null,
  key: string | undefined | null,
): T | undefined {
  return dict && typeof key === 'string' && Object.hasOwn(dict, key) ? dict[key] : undefined;
}

/** Stores `value` under `key` as data, even for `__proto__` on an object that still has a prototype. */
export function setOwn<D extends Record<string, unknown>>(dict: D, key: string, value: D[string]): void {
  Object.defineProperty(dict, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Removes `key` if `dict` itself holds it. Returns whether something was removed. */
export function deleteOwn(dict: Record<string, unknown>, key: string): boolean {
  if (!Object.hasOwn(dict, key)) return false;
  delete dict[key];
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `JSON.parse` for engine state: every object comes back with a null prototype. JSON.parse itself
 * defines a `"__proto__"` member as an own property, and setting the prototype afterwards keeps it one.
 */
export function parseState<T>(text: string): T {
  // A walk after a plain parse, not a reviver: the reviver is called for every value, primitives too,
  // and took most of the Cognito Sync handler's time for an UpdateRecords of a thousand patches.
  const root: unknown = JSON.parse(text);
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') pending.push(item);
    } else if (isPlainObject(value)) {
      Object.setPrototypeOf(value, null);
      for (const key in value) {
        const item = value[key];
        if (item !== null && typeof item === 'object') pending.push(item);
      }
    }
  }
  return root as T;
}
