/**
 * Literal ids of the simulated account (pool ids, client ids, role ARNs, bucket names, the account
 * id and region) turned back into references, so an exported template deploys into any account
 * and wires its resources to each other: exact matches become `Ref` / `Fn::GetAtt`, strings that
 * contain them become `Fn::Sub` (existing `${` are escaped as `${!`, which Fn::Sub prints as `${`).
 */
export type Intrinsic = { Ref: string } | { 'Fn::GetAtt': [string, string] };

export class RefTable {
  private readonly entries: { literal: string; ref: Intrinsic; sub: string }[] = [];

  add(literal: string, ref: Intrinsic): void {
    if (!literal || this.entries.some((e) => e.literal === literal)) return;
    const sub = 'Ref' in ref ? `\${${ref.Ref}}` : `\${${ref['Fn::GetAtt'][0]}.${ref['Fn::GetAtt'][1]}}`;
    this.entries.push({ literal, ref, sub });
    // Longest first, so an ARN is replaced before the name inside it.
    this.entries.sort((a, b) => b.literal.length - a.literal.length);
  }

  private string(s: string, entries: RefTable['entries']): unknown {
    const exact = entries.find((e) => e.literal === s);
    if (exact) return exact.ref;
    if (!entries.some((e) => s.includes(e.literal))) return s;
    let out = s.split('${').join('${!');
    for (const e of entries) out = out.split(e.literal).join(e.sub);
    return { 'Fn::Sub': out };
  }

  /** A deep copy of `value` with every literal replaced, except references to `self` (a resource never names itself). */
  apply(value: unknown, self?: string): unknown {
    const target = (e: RefTable['entries'][number]) => ('Ref' in e.ref ? e.ref.Ref : e.ref['Fn::GetAtt'][0]);
    const entries = self ? this.entries.filter((e) => target(e) !== self) : this.entries;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.string(v, entries);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, inner] of Object.entries(v)) out[k] = walk(inner);
        return out;
      }
      return v;
    };
    return walk(value);
  }
}

/** A CloudFormation logical id (alphanumeric) from a name, unique within `taken`. */
export function logicalId(prefix: string, name: string, taken: Set<string>): string {
  const base =
    `${prefix}${name.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^[a-z]/, (c) => c.toUpperCase())}`.slice(
      0,
      200,
    );
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}${i}`;
  taken.add(id);
  return id;
}
