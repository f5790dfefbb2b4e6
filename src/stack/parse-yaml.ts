import { type DuplicateKey, MAX_DEPTH, pathOf, StackImportError } from './errors';

/**
 * YAML templates, read with the `yaml` package (loaded on demand: only the stack view needs it).
 * CloudFormation's short forms (`!Ref x`, `!GetAtt a.b`, `!Sub …` …) are ordinary YAML local tags;
 * we read the document as nodes and turn each tagged node into its long form (`{"Ref": "x"}`),
 * following the CloudFormation User Guide, "Intrinsic function reference" (each function's YAML
 * short form). Our own walk builds null-prototype objects, bounds depth, and counts alias
 * expansions so an anchor/alias "billion laughs" document fails fast instead of growing.
 */

/** Short-form tag → long-form function name. `!GetAtt` and `!Condition` are special-cased below. */
const SHORT_FORMS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Cidr': 'Fn::Cidr',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Transform': 'Fn::Transform',
  '!GetAtt': 'Fn::GetAtt',
  '!Condition': 'Condition',
};

/** At most this many alias expansions (yaml's own `maxAliasCount` default is 100). */
export const MAX_ALIAS_COUNT = 100;
/** At most this many values in the whole document once aliases are expanded. */
export const MAX_NODES = 500_000;

type YamlModule = typeof import('yaml');
type Tags = import('yaml').Tags;

/**
 * "CloudFormation supports the YAML Version 1.1 specification with a few exceptions" (User Guide,
 * "Template formats"; the exceptions are the binary, omap, pairs, set and timestamp tags, aliases and
 * hash merges). Where 1.1 and the 1.2 core schema `yaml` reads by default part, what matters in a
 * template is the booleans: YAML 1.1 also reads yes/no/on/off (yaml.org/type/bool.html), so
 * CloudFormation turns a plain `yes` into true, and a string property given it gets "true" (aws-cli
 * PR #5257: "CloudFormation treats unquoted values that are YAML 1.1 native booleans as booleans";
 * a tag `Value: YES` deploys as "true", ASFHyP3/hyp3 PR #2061). Only those words are added to the core
 * schema: `y`/`n` are left out, as the YAML 1.1 resolvers of PyYAML (cfn-lint's reader) and SnakeYAML leave
 * them out (`yes|Yes|YES|no|No|NO|…|on|On|ON|off|Off|OFF`), and timestamps stay text. `customTags` may
 * "modify the schema's base tag array" (yaml docs, "Options").
 */
const yaml11Bool = (value: boolean, test: RegExp) => ({
  identify: (v: unknown) => v === value,
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test,
  resolve: () => value,
});
const YAML_1_1_BOOLEANS = [
  yaml11Bool(true, /^(?:[Yy]es|YES|[Oo]n|ON)$/),
  yaml11Bool(false, /^(?:[Nn]o|NO|[Oo]ff|OFF)$/),
];

/**
 * CloudFormation accepts a flow collection whose closing `]` or `}` sits on its own line at the
 * indentation of the key that opened it (real templates do this); YAML 1.2, and so `yaml`, wants it
 * indented further. Such lone closing lines get the indentation of the line above; the number of
 * lines is unchanged, so line numbers in errors stay true.
 */
export function indentLoneFlowClosers(text: string): string {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const m = /^(\s*)([\]}][\]},\s]*)$/.exec(lines[i] as string);
    if (!m) continue;
    let j = i - 1;
    while (j > 0 && (lines[j] as string).trim() === '') j--;
    const above = /^\s*/.exec(lines[j] as string)?.[0] ?? '';
    if (above.length > (m[1] as string).length) lines[i] = above + (m[2] as string);
  }
  return lines.join('\n');
}

/**
 * Flow collections (`[` `{`) nested deeper than MAX_DEPTH, found by a linear scan before the parser
 * sees them (a parser spends quadratic time or its stack on such input). Quoted text and comments
 * are skipped.
 */
function checkFlowDepth(text: string): void {
  let depth = 0;
  let quote = '';
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || (c === "'" && depth > 0)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH)
        throw new StackImportError(`Invalid YAML: nesting deeper than ${MAX_DEPTH} levels`, {
          line,
          column: i - lineStart + 1,
        });
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
}

export async function parseYaml(text: string, duplicates?: DuplicateKey[]): Promise<unknown> {
  checkFlowDepth(text);
  const Y: YamlModule = await import('yaml');
  let doc: ReturnType<YamlModule['parseDocument']>;
  try {
    const options = {
      // A key written twice keeps its last value, as CloudFormation does (errors.ts, DuplicateKey).
      uniqueKeys: false,
      prettyErrors: true,
      strict: false,
      schema: 'core',
      customTags: (tags: Tags) => [...YAML_1_1_BOOLEANS, ...tags],
    } as const;
    doc = Y.parseDocument(text, options);
    if (doc.errors.some((e) => e.code === 'BAD_INDENT')) {
      const lenient = Y.parseDocument(indentLoneFlowClosers(text), options);
      if (lenient.errors.length === 0) doc = lenient;
    }
  } catch (e) {
    throw new StackImportError(`Invalid YAML: ${e instanceof RangeError ? 'nesting too deep' : String(e)}`);
  }
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    // With prettyErrors, yaml's message is "<what> at line L, column C:" and then a code frame. The
    // error appends the position itself, so it is cut from the text here; the frame is kept apart.
    const [head = '', ...rest] = first.message.split('\n');
    const what = pos ? head.replace(/ at line \d+, column \d+:?$/, '') : head;
    const frame = rest.join('\n').replace(/^\n+|\s+$/g, '');
    throw new StackImportError(
      `Invalid YAML: ${what}`,
      pos ? { line: pos.line, column: pos.col } : undefined,
      frame || undefined,
    );
  }
  let aliases = 0;
  let nodes = 0;
  const where = (node: unknown) => {
    const range = (node as { range?: [number, number] }).range;
    if (!range || !doc.contents) return undefined;
    // Cheap enough for an error path: count lines up to the node.
    let line = 1;
    let start = 0;
    for (let k = 0; k < range[0]; k++)
      if (text.charCodeAt(k) === 10) {
        line++;
        start = k + 1;
      }
    return { line, column: range[0] - start + 1 };
  };
  // The keys from the root to the node being read (a duplicate's path).
  const keys: (string | number)[] = [];
  const toValue = (node: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH)
      throw new StackImportError(`Invalid YAML: nesting deeper than ${MAX_DEPTH} levels`, where(node));
    if (++nodes > MAX_NODES)
      throw new StackImportError('Invalid YAML: too many values once aliases are expanded');
    if (Y.isAlias(node)) {
      if (++aliases > MAX_ALIAS_COUNT)
        throw new StackImportError(
          `Invalid YAML: more than ${MAX_ALIAS_COUNT} alias expansions (an alias bomb?)`,
          where(node),
        );
      return toValue(node.resolve(doc), depth + 1);
    }
    let plain: unknown;
    if (Y.isMap(node)) {
      const obj: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        // A template's keys are names: a list or map as a key (`? [a, b]`) names nothing, and String() of
        // our null-prototype map would throw a TypeError.
        if (!Y.isScalar(pair.key))
          throw new StackImportError(
            'Invalid YAML: a mapping key must be a plain value, not a list or a map',
            where(pair.key ?? node),
          );
        const key = String(pair.key.value);
        // `1` and "1" are two keys to YAML but one name here, and one key twice to CloudFormation.
        if (Object.hasOwn(obj, key))
          duplicates?.push({ path: pathOf([...keys, key]), line: where(pair.key)?.line ?? 0 });
        keys.push(key);
        obj[key] = pair.value === null ? null : toValue(pair.value, depth + 1);
        keys.pop();
      }
      plain = obj;
    } else if (Y.isSeq(node)) {
      plain = node.items.map((item, i) => {
        keys.push(i);
        const value = toValue(item, depth + 1);
        keys.pop();
        return value;
      });
    } else if (Y.isScalar(node)) {
      plain = node.value;
    } else if (node === null || node === undefined) {
      return null;
    } else {
      throw new StackImportError('Invalid YAML: unexpected node', where(node));
    }
    const tag = (node as { tag?: string }).tag;
    if (!tag?.startsWith('!') || tag.startsWith('!!')) return plain;
    const fn = SHORT_FORMS[tag];
    if (!fn) throw new StackImportError(`Unknown YAML tag ${tag}`, where(node));
    if (fn === 'Fn::GetAtt' && typeof plain === 'string') {
      // `!GetAtt Logical.Attr` (the attribute may itself contain dots: split at the first one).
      const dot = plain.indexOf('.');
      return { 'Fn::GetAtt': dot < 0 ? [plain] : [plain.slice(0, dot), plain.slice(dot + 1)] };
    }
    const out: Record<string, unknown> = Object.create(null);
    out[fn] = plain;
    return out;
  };
  return toValue(doc.contents, 0);
}
