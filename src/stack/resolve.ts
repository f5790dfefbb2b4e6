import { MAX_RESOLVED_CHARS, StackImportError } from './errors';
import { isRecord, type Template } from './parse';
import { opaqueAtt, opaqueRef, type RefEnv, returnValues } from './resource-types';

/**
 * Resolves intrinsic functions as a deployment would (CloudFormation User Guide, "Intrinsic function
 * reference" and "Pseudo parameters reference"). Values it cannot know (a parameter without default,
 * `Fn::ImportValue`) become visible placeholders and are reported as needs, never guessed.
 */
export interface Need {
  /** The parameter's name, or `ImportValue:<export name>`: the key to give in `parameters`. */
  name: string;
  kind: 'parameter' | 'import';
  path: string;
  description?: string;
}
/**
 * A Ref or `${…}` naming nothing, or a resource whose Condition is false, in CloudFormation's words: the
 * block is the one the reference is written in (an output naming a resource its stack does not create
 * is refused "in the Outputs block", as in awslabs/aws-api-gateway-developer-portal#216).
 */
function unresolved(name: string, path: string): StackImportError {
  const block = path.startsWith('Outputs.') ? 'Outputs' : 'Resources';
  return new StackImportError(
    `${path}: Template format error: Unresolved resource dependencies [${name}] in the ${block} block of the template`,
  );
}

export interface Gap {
  path: string;
  what: string;
}
export interface ResolveSettings {
  region: string;
  accountId: string;
  stackName: string;
  parameters: Record<string, string>;
}

export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
const MAX_STEPS = 3_000_000;

/** The refusal for a value over MAX_RESOLVED_CHARS; `what` is "Fn::Join builds a string of" or the like. */
const tooLong = (path: string, what: string) =>
  new StackImportError(
    `${path}: ${what} more than ${MAX_RESOLVED_CHARS} characters, more than a whole template may hold (1 MB), so it cannot be a real value; the import stops here`,
  );

/** What a value is, for a message: "a list", "an object", "AWS::NoValue" … */
const kindOf = (v: unknown): string =>
  v === NO_VALUE
    ? 'AWS::NoValue'
    : Array.isArray(v)
      ? 'a list'
      : v === null
        ? 'null'
        : typeof v === 'object'
          ? 'an object'
          : `a ${typeof v}`;

/**
 * A value an intrinsic function uses as text: a string, or a number or boolean as the text CloudFormation
 * reads it. A list or object is refused with where: `String()` of a template's (null-prototype) object
 * throws a TypeError, and of a list it would make up text no deployment sees.
 */
function textOf(v: unknown, path: string, what: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new StackImportError(`${path}: ${what} must be a string, not ${kindOf(v)}`);
}

/** `record[key]` when `record` is a template object holding `key` itself (never a member of a string or list). */
const ownEntry = (record: unknown, key: string): unknown =>
  isRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;

const fnOf = (v: Record<string, unknown>): [string, unknown] | undefined => {
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const k = keys[0] as string;
  return k === 'Ref' || k === 'Condition' || k.startsWith('Fn::') ? [k, v[k]] : undefined;
};

export class Resolver {
  readonly needs: Need[] = [];
  readonly gaps: Gap[] = [];
  private steps = 0;
  private readonly conditionCache = new Map<string, boolean>();
  private readonly conditionStack = new Set<string>();
  private readonly refCache = new Map<string, string>();
  private readonly refStack = new Set<string>();
  private readonly paramCache = new Map<string, unknown>();
  /** Resources whose Condition is false: a deployment leaves them out, so nothing may name them. */
  private readonly removed = new Set<string>();
  /** Sizes of lists and objects already measured (see `sizeOf`), so nesting is measured once. */
  private readonly sizes = new WeakMap<object, number>();

  private readonly settings: ResolveSettings;

  constructor(
    private readonly template: Template,
    settings: ResolveSettings,
  ) {
    // Given values in a null-prototype record: a parameter called `constructor` is just a name.
    const parameters: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(settings.parameters)) parameters[k] = v;
    this.settings = { ...settings, parameters };
  }

  private pseudo(name: string): unknown {
    const { region, accountId, stackName } = this.settings;
    switch (name) {
      case 'AWS::Region':
        return region;
      case 'AWS::AccountId':
        return accountId;
      case 'AWS::StackName':
        return stackName;
      case 'AWS::StackId':
        return `arn:aws:cloudformation:${region}:${accountId}:stack/${stackName}/00000000-0000-4000-8000-000000000000`;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::NoValue':
        return NO_VALUE;
      default:
        return undefined;
    }
  }

  private need(name: string, kind: Need['kind'], path: string, description?: string): string {
    if (!this.needs.some((n) => n.name === name))
      this.needs.push({ name, kind, path, ...(description ? { description } : {}) });
    return `<${name}>`;
  }

  gap(path: string, what: string): void {
    if (!this.gaps.some((g) => g.path === path && g.what === what)) this.gaps.push({ path, what });
  }

  parameter(name: string, path: string): unknown {
    if (this.paramCache.has(name)) return this.paramCache.get(name);
    const def = this.template.Parameters[name];
    const type = isRecord(def) && typeof def.Type === 'string' ? def.Type : 'String';
    const given = this.settings.parameters[name];
    let raw: unknown = given ?? (isRecord(def) ? def.Default : undefined);
    if (type.startsWith('AWS::SSM::Parameter::Value') && given === undefined) {
      raw = this.need(
        name,
        'parameter',
        `Parameters.${name}`,
        `the value of SSM parameter ${String(raw ?? '')}`,
      );
    } else if (raw === undefined) {
      raw = this.need(
        name,
        'parameter',
        `Parameters.${name}`,
        isRecord(def) && typeof def.Description === 'string' ? def.Description : undefined,
      );
    }
    let value: unknown = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
    if ((type.startsWith('List<') || type === 'CommaDelimitedList') && typeof value === 'string')
      value = value.split(',').map((s) => s.trim());
    void path;
    this.paramCache.set(name, value);
    return value;
  }

  /** Whether a resource (or output) with `Condition: name` is created. */
  condition(name: string, path: string): boolean {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    if (!(name in this.template.Conditions))
      throw new StackImportError(`${path}: no condition named ${name}`);
    if (this.conditionStack.has(name))
      throw new StackImportError(`Circular condition: ${[...this.conditionStack, name].join(' → ')}`);
    this.conditionStack.add(name);
    const v = this.resolve(this.template.Conditions[name], `Conditions.${name}`);
    this.conditionStack.delete(name);
    const result = v === true || v === 'true';
    this.conditionCache.set(name, result);
    return result;
  }

  /** Marks a resource whose Condition is false: a Ref, Fn::GetAtt or `${…}` naming it is refused. */
  leaveOut(logical: string): void {
    this.removed.add(logical);
  }

  private env(logical: string): RefEnv {
    const resource = this.template.Resources[logical];
    const props = resource?.Properties;
    return {
      region: this.settings.region,
      accountId: this.settings.accountId,
      stack: this.settings.stackName,
      logical,
      prop: (name) => {
        if (!isRecord(props) || !(name in props)) return undefined;
        const v = this.resolve(props[name], `Resources.${logical}.Properties.${name}`);
        return v === NO_VALUE ? undefined : v;
      },
    };
  }

  ref(logical: string, path: string): unknown {
    if (logical.startsWith('AWS::')) {
      const v = this.pseudo(logical);
      if (v === undefined) throw new StackImportError(`${path}: unknown pseudo parameter ${logical}`);
      return v;
    }
    if (logical in this.template.Parameters) return this.parameter(logical, path);
    const resource = this.template.Resources[logical];
    if (!resource || this.removed.has(logical)) throw unresolved(logical, path);
    const info = returnValues(resource.Type);
    if (!info) {
      // Said at each place it is used: that is where the reader looks for what a policy names.
      this.gap(
        path,
        `Ref ${logical}: ${resource.Type} is not simulated and what its Ref returns is not known here; the placeholder ${opaqueRef(logical)} is used, which matches no real resource`,
      );
      return opaqueRef(logical);
    }
    const cached = this.refCache.get(logical);
    if (cached !== undefined) return cached;
    if (this.refStack.has(logical))
      throw new StackImportError(`Circular reference: ${[...this.refStack, logical].join(' → ')}`);
    this.refStack.add(logical);
    const id = info.ref(this.env(logical));
    this.refStack.delete(logical);
    this.refCache.set(logical, id);
    return id;
  }

  getAtt(logical: string, attr: string, path: string): unknown {
    const resource = this.template.Resources[logical];
    // CloudFormation's words, as reported in public issue threads and kept by emulators (moto, Eucalyptus).
    if (!resource)
      throw new StackImportError(
        `${path}: Template error: instance of Fn::GetAtt references undefined resource ${logical}`,
      );
    // A resource the template has but its condition leaves out: refused as a dependency (#216 above).
    if (this.removed.has(logical)) throw unresolved(logical, path);
    const info = returnValues(resource.Type);
    const fn = info && Object.hasOwn(info.atts, attr) ? info.atts[attr] : undefined;
    if (fn) return fn(this.env(logical), String(this.ref(logical, path)));
    const placeholder = opaqueAtt(logical, attr);
    this.gap(
      path,
      info
        ? `Fn::GetAtt ${logical}.${attr}: ${resource.Type} has no attribute ${attr} that we know; the placeholder ${placeholder} is used`
        : `Fn::GetAtt ${logical}.${attr}: ${resource.Type} is not simulated and its attributes are not known here; the placeholder ${placeholder} is used, which matches no real resource`,
    );
    return placeholder;
  }

  private sub(template: string, vars: Record<string, unknown>, path: string): string {
    // Counted as the pieces come, so a string over the cap is refused before it is built.
    let length = template.length;
    const counted = (piece: string) => {
      length += piece.length;
      if (length > MAX_RESOLVED_CHARS)
        throw tooLong(path.slice(0, -'.Fn::Sub'.length), 'Fn::Sub builds a string of');
      return piece;
    };
    // `${!` is a literal `${` (Fn::Sub documentation); anything else in `${…}` is a reference.
    return template.replace(/\$\{!|\$\{([^}]*)\}/g, (whole, inner: string | undefined) =>
      counted(this.subValue(whole, inner, vars, path)),
    );
  }

  private subValue(
    whole: string,
    inner: string | undefined,
    vars: Record<string, unknown>,
    path: string,
  ): string {
    if (inner === undefined) return '${';
    const name = inner.trim();
    if (Object.hasOwn(vars, name)) {
      const v = vars[name];
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
      // CloudFormation's words for an object or list as a variable's value (serverless-step-functions #203).
      throw new StackImportError(
        `${path}: Template error: every value of the context object of every Fn::Sub object must be a string or a function that returns a string (\${${name}} is ${kindOf(v)})`,
      );
    }
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::') && name.slice(0, dot) in this.template.Resources)
      return textOf(this.getAtt(name.slice(0, dot), name.slice(dot + 1), path), path, whole);
    if (name.startsWith('AWS::') || name in this.template.Parameters || name in this.template.Resources) {
      const v = this.ref(name, path);
      return Array.isArray(v) ? v.map((x) => textOf(x, path, whole)).join(',') : textOf(v, path, whole);
    }
    // CloudFormation's words (observed in CreateChangeSet and validate-template refusals).
    if (!/^[A-Za-z0-9_.:]+$/.test(name))
      throw new StackImportError(
        `${path}: Template error: variable names in Fn::Sub syntax must contain only alphanumeric characters, underscores, periods, and colons (${whole})`,
      );
    throw unresolved(name, path);
  }

  /**
   * About how many characters a value holds: a string's length, a list's or object's strings and keys
   * plus one per item. Lists and objects are measured once (a value a template copies is one object).
   */
  private sizeOf(v: unknown): number {
    if (typeof v === 'string') return v.length;
    if (typeof v !== 'object' || v === null) return 1;
    const known = this.sizes.get(v);
    if (known !== undefined) return known;
    let size = 0;
    if (Array.isArray(v)) for (const item of v) size += this.sizeOf(item) + 1;
    else for (const [k, item] of Object.entries(v)) size += k.length + this.sizeOf(item) + 1;
    this.sizes.set(v, size);
    return size;
  }

  /**
   * The value a deployment would see at `path`. A list or object longer than MAX_RESOLVED_CHARS is refused
   * unless `measured` is false: an intrinsic's own argument list is measured by what the intrinsic builds.
   */
  resolve(value: unknown, path: string, measured = true): unknown {
    if (++this.steps > MAX_STEPS) throw new StackImportError('The template takes too long to resolve');
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      value.forEach((v, i) => {
        const r = this.resolve(v, `${path}[${i}]`);
        if (r !== NO_VALUE) out.push(r);
      });
      if (measured && this.sizeOf(out) > MAX_RESOLVED_CHARS) throw tooLong(path, 'the list holds');
      return out;
    }
    if (!isRecord(value)) return value;
    const fn = fnOf(value);
    if (fn) {
      const result = this.call(fn[0], fn[1], `${path}.${fn[0]}`);
      if (this.sizeOf(result) > MAX_RESOLVED_CHARS)
        throw tooLong(path, `${fn[0]} builds a ${typeof result === 'string' ? 'string' : 'value'} of`);
      return result;
    }
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) {
      const r = this.resolve(v, `${path}.${k}`);
      if (r !== NO_VALUE) out[k] = r;
    }
    if (this.sizeOf(out) > MAX_RESOLVED_CHARS) throw tooLong(path, 'the object holds');
    return out;
  }

  /**
   * One side of Fn::Equals as the text CloudFormation compares: a template's numbers and booleans are
   * compared as strings (`!Equals [!Ref Count, 0]` with a Number parameter 0 holds), and anything else (a
   * list, an object) is refused with CloudFormation's "Template error: every Fn::Equals object requires a
   * list of 2 string parameters." (reported in cfn-lint issue #1639 and awsdocs PR #1177).
   */
  private equalsOperand(v: unknown, path: string, fnPath: string): string {
    const r = this.resolve(v, path);
    if (typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean') return String(r);
    throw new StackImportError(
      `${fnPath}: Template error: every Fn::Equals object requires a list of 2 string parameters.`,
    );
  }

  private list(v: unknown, path: string, fn: string): unknown[] {
    // Not measured here: Fn::Join measures what it would build; the others pick from the list or count it.
    const r = this.resolve(v, path, false);
    if (!Array.isArray(r)) throw new StackImportError(`${path}: ${fn} expects a list`);
    return r;
  }

  private call(fn: string, arg: unknown, path: string): unknown {
    const bad = (): never => {
      throw new StackImportError(`${path}: malformed ${fn}`);
    };
    switch (fn) {
      case 'Ref':
        return typeof arg === 'string' ? this.ref(arg, path) : bad();
      case 'Condition':
        return typeof arg === 'string' ? this.condition(arg, path) : bad();
      case 'Fn::GetAtt': {
        // `Logical.Attr` in one string splits at the first dot; a string with no dot names no attribute.
        const parts =
          typeof arg === 'string'
            ? arg.includes('.')
              ? [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)]
              : bad()
            : this.list(arg, path, fn);
        const [logical, attr] = parts;
        return typeof logical === 'string' && typeof attr === 'string'
          ? this.getAtt(logical, attr, path)
          : bad();
      }
      case 'Fn::Sub': {
        if (typeof arg === 'string') return this.sub(arg, Object.create(null), path);
        if (!Array.isArray(arg) || typeof arg[0] !== 'string') return bad();
        const vars = this.resolve(arg[1] ?? {}, `${path}[1]`);
        return this.sub(arg[0], isRecord(vars) ? vars : bad(), path);
      }
      case 'Fn::Join': {
        const [delim, items] = Array.isArray(arg) ? arg : bad();
        const list = this.list(items, `${path}[1]`, fn);
        const parts = list.map((x) => (typeof x === 'object' ? bad() : String(x)));
        const separator = typeof delim === 'string' ? delim : bad();
        // Measured before joining: the joined string is never built when it would be over the cap.
        const length = parts.reduce((n, s) => n + s.length, separator.length * Math.max(0, parts.length - 1));
        if (length > MAX_RESOLVED_CHARS)
          throw tooLong(path.slice(0, -'.Fn::Join'.length), 'Fn::Join builds a string of');
        return parts.join(separator);
      }
      case 'Fn::Select': {
        const [index, items] = Array.isArray(arg) ? arg : bad();
        const i = Number(textOf(this.resolve(index, `${path}[0]`), `${path}[0]`, 'the index'));
        const list = this.list(items, `${path}[1]`, fn);
        if (!Number.isInteger(i))
          throw new StackImportError(`${path}: Fn::Select index ${i} is not a number`);
        // CloudFormation's words (seen in stack events: "cannot select nonexistent value at index 2").
        if (i < 0 || i >= list.length)
          throw new StackImportError(
            `${path}: Template error: Fn::Select cannot select nonexistent value at index ${i}`,
          );
        return list[i];
      }
      case 'Fn::Split': {
        const [delim, source] = Array.isArray(arg) ? arg : bad();
        const separator = typeof delim === 'string' ? delim : bad();
        return textOf(this.resolve(source, `${path}[1]`), `${path}[1]`, 'the text to split').split(separator);
      }
      case 'Fn::If': {
        const [cond, yes, no] = Array.isArray(arg) && arg.length === 3 ? arg : bad();
        return this.condition(typeof cond === 'string' ? cond : bad(), path)
          ? this.resolve(yes, `${path}[1]`)
          : this.resolve(no, `${path}[2]`);
      }
      case 'Fn::Equals': {
        const [a, b] = Array.isArray(arg) && arg.length === 2 ? arg : bad();
        return this.equalsOperand(a, `${path}[0]`, path) === this.equalsOperand(b, `${path}[1]`, path);
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const items = Array.isArray(arg) ? arg : bad();
        const values = items.map((c, i) => this.resolve(c, `${path}[${i}]`) === true);
        return fn === 'Fn::And' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'Fn::Not': {
        const [c] = Array.isArray(arg) ? arg : bad();
        return this.resolve(c, `${path}[0]`) !== true;
      }
      case 'Fn::FindInMap': {
        const keys = this.list(arg, path, fn);
        // CloudFormation's words (aws-cdk issue #27987) when there are not three keys.
        if (keys.length !== 3)
          throw new StackImportError(
            `${path}: Template error: every Fn::FindInMap object requires three parameters, the map name, map key and the attribute for return value`,
          );
        const [map, top, second] = keys.map((k, i) => textOf(k, `${path}[${i}]`, 'a Fn::FindInMap key'));
        // Own keys of the Mappings' objects only: never `length` of a string or `constructor` of a list.
        const value = ownEntry(
          ownEntry(ownEntry(this.template.Mappings, map as string), top as string),
          second as string,
        );
        // CloudFormation's words (AWS Elastic Beanstalk release notes quote it: "Unable to get mapping for …").
        if (value === undefined)
          throw new StackImportError(
            `${path}: Template error: Unable to get mapping for ${map}::${top}::${second}`,
          );
        return this.resolve(value, `Mappings.${map}.${top}.${second}`);
      }
      case 'Fn::Base64': {
        const s = textOf(this.resolve(arg, path), path, 'the text to encode');
        let bin = '';
        for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
        return btoa(bin);
      }
      case 'Fn::GetAZs': {
        const r = textOf(this.resolve(arg, path) || this.settings.region, path, 'the region');
        return ['a', 'b', 'c'].map((z) => `${r}${z}`);
      }
      case 'Fn::ImportValue': {
        const name = textOf(this.resolve(arg, path), path, 'the export name');
        const key = `ImportValue:${name}`;
        return (
          this.settings.parameters[key] ??
          this.need(key, 'import', path, `the value another stack exports as ${name}`)
        );
      }
      case 'Fn::Cidr': {
        const [block, count, bits] = this.list(arg, path, fn);
        const cidrBlock = textOf(block, `${path}[0]`, 'the address block');
        const cidrs = ipv4Subnets(
          cidrBlock,
          Number(textOf(count, `${path}[1]`, 'the count')),
          Number(textOf(bits, `${path}[2]`, 'the subnet bits')),
        );
        if (cidrs) return cidrs;
        this.gap(path, `Fn::Cidr of ${cidrBlock} is not evaluated (IPv4 only); placeholders are used`);
        return Array.from(
          { length: Math.min(256, Math.max(0, Number(count) || 0)) },
          (_, i) => `<cidr ${i}>`,
        );
      }
      case 'Fn::Length':
        return this.list(arg, path, fn).length;
      case 'Fn::ToJsonString':
        return JSON.stringify(this.resolve(arg, path));
      default:
        this.gap(path, `${fn} is not evaluated; a placeholder is used`);
        return `<${fn}>`;
    }
  }
}

/** Fn::Cidr for IPv4: `count` consecutive subnets of `32 - bits` prefix length from the block's base address. */
function ipv4Subnets(block: string, count: number, bits: number): string[] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(block);
  if (
    !m ||
    !Number.isInteger(count) ||
    !Number.isInteger(bits) ||
    count < 1 ||
    count > 256 ||
    bits < 1 ||
    bits > 32
  )
    return undefined;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  const prefix = 32 - bits;
  if (prefix < Number(m[5])) return undefined;
  const base = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** bits;
  const start = Math.floor(base / size) * size;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = start + i * size;
    out.push(`${[24, 16, 8, 0].map((sh) => Math.floor(n / 2 ** sh) % 256).join('.')}/${prefix}`);
  }
  return out;
}
