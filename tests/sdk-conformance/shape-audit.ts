/**
 * Compares what the engine put on the wire with the installed AWS SDK v3 clients' generated schemas
 * (each client's dist-es/schemas/schemas_0.js): member names and casing, required
 * members, scalar types, and timestamp formats (JSON 1.1: epoch seconds as numbers; Query XML:
 * ISO 8601), and whether an error code is one the client models. The SDK's own deserialisers drop
 * unknown members silently, so a misspelt member would otherwise go unnoticed.
 */
import { createRequire } from 'node:module';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { NormalizedSchema } from '@smithy/core/schema';

const require = createRequire(import.meta.url);

export type SchemaModule = Record<string, unknown> & { errorTypeRegistries?: unknown };

/** The schemas module of an installed client, e.g. `client-sts`. */
export async function loadSchemas(client: string): Promise<SchemaModule> {
  const entry = require.resolve(`@aws-sdk/${client}`);
  const file = entry.replace(/dist-cjs\/index\.js$/, 'dist-es/schemas/schemas_0.js');
  return (await import(/* @vite-ignore */ file)) as SchemaModule;
}

type OperationTuple = [number, string, string, number, () => unknown, () => unknown];

function outputSchema(schemas: SchemaModule, operation: string): NormalizedSchema {
  const op = schemas[`${operation}$`] as OperationTuple | undefined;
  if (!op) throw new Error(`no operation schema ${operation}`);
  return NormalizedSchema.of(op[5]() as never);
}

/**
 * Error codes the client maps to a modelled exception, with the HTTP status the model gives each
 * (Query errors carry their wire code in the `awsQueryError` trait, e.g. InvalidIdentityTokenException
 * is sent as `InvalidIdentityToken`).
 */
export function modelledErrors(schemas: SchemaModule): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(schemas).filter((k) => k.endsWith('$'))) {
    const s = schemas[key];
    if (!Array.isArray(s) || s[0] !== -3) continue;
    const traits = (typeof s[3] === 'object' ? s[3] : {}) as {
      awsQueryError?: [string, number];
      httpError?: number;
    };
    const code = traits.awsQueryError?.[0] ?? String(s[2]);
    out[code] = traits.awsQueryError?.[1] ?? traits.httpError ?? 0;
  }
  return out;
}

const requiredCount = (ns: NormalizedSchema): number => {
  const s = ns.getSchema() as unknown[];
  return typeof s[6] === 'number' ? s[6] : 0;
};

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON 1.1 / REST-JSON bodies: walks `value` against `ns`, appending problems as `path: text`. */
export function auditJson(value: unknown, ns: NormalizedSchema, path: string, problems: string[]): void {
  if (value === null || value === undefined) return;
  if (ns.isStructSchema()) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${path}: expected an object`);
      return;
    }
    const members = ns.getMemberSchemas();
    const names = Object.keys(members);
    for (const [key, v] of Object.entries(value)) {
      const member = members[key];
      if (!member) problems.push(`${path}.${key}: not a member (members: ${names.join(', ')})`);
      else auditJson(v, member, `${path}.${key}`, problems);
    }
    for (const name of names.slice(0, requiredCount(ns))) {
      if ((value as Record<string, unknown>)[name] === undefined)
        problems.push(`${path}.${name}: required member missing`);
    }
  } else if (ns.isListSchema()) {
    if (!Array.isArray(value)) problems.push(`${path}: expected a list`);
    else for (const [i, v] of value.entries()) auditJson(v, ns.getValueSchema(), `${path}[${i}]`, problems);
  } else if (ns.isMapSchema()) {
    if (typeof value !== 'object' || Array.isArray(value)) problems.push(`${path}: expected a map`);
    else
      for (const [k, v] of Object.entries(value))
        auditJson(v, ns.getValueSchema(), `${path}{${k}}`, problems);
  } else if (ns.isTimestampSchema()) {
    if (typeof value !== 'number')
      problems.push(`${path}: timestamp must be epoch seconds (a number), got ${JSON.stringify(value)}`);
  } else if (ns.isBooleanSchema()) {
    if (typeof value !== 'boolean')
      problems.push(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
  } else if (ns.isNumericSchema()) {
    if (typeof value !== 'number') problems.push(`${path}: expected a number, got ${JSON.stringify(value)}`);
  } else if (ns.isStringSchema()) {
    if (typeof value !== 'string') problems.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
  }
}

export function auditJsonOutput(schemas: SchemaModule, operation: string, body: unknown): string[] {
  const problems: string[] = [];
  auditJson(body, outputSchema(schemas, operation), operation, problems);
  return problems;
}

const childElements = (el: Element): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
};

/** Query-protocol XML: walks an element's children against `ns` (lists use <member>). */
export function auditXml(el: Element, ns: NormalizedSchema, path: string, problems: string[]): void {
  if (ns.isStructSchema()) {
    const members = ns.getMemberSchemas();
    const names = Object.keys(members);
    const seen = new Set<string>();
    for (const child of childElements(el)) {
      const name = child.localName ?? '';
      const member = members[name];
      seen.add(name);
      if (!member) problems.push(`${path}.${name}: not a member (members: ${names.join(', ')})`);
      else auditXml(child, member, `${path}.${name}`, problems);
    }
    for (const name of names.slice(0, requiredCount(ns))) {
      if (!seen.has(name)) problems.push(`${path}.${name}: required member missing`);
    }
  } else if (ns.isListSchema()) {
    childElements(el).forEach((child, i) => {
      if (child.localName !== 'member')
        problems.push(`${path}[${i}]: list entry must be <member>, got <${child.localName}>`);
      auditXml(child, ns.getValueSchema(), `${path}[${i}]`, problems);
    });
  } else if (ns.isTimestampSchema()) {
    if (!ISO_8601.test(el.textContent ?? ''))
      problems.push(`${path}: timestamp must be ISO 8601, got ${el.textContent}`);
  } else if (ns.isNumericSchema()) {
    if (!/^-?\d+(\.\d+)?$/.test(el.textContent ?? ''))
      problems.push(`${path}: expected a number, got ${el.textContent}`);
  } else if (ns.isBooleanSchema()) {
    if (!/^(true|false)$/.test(el.textContent ?? ''))
      problems.push(`${path}: expected a boolean, got ${el.textContent}`);
  }
}

/** `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…` (AWS Query). */
export function auditQueryOutput(schemas: SchemaModule, operation: string, xml: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root || root.localName !== `${operation}Response`)
    return [`${operation}: root is <${root?.localName}>`];
  const kids = childElements(root).map((c) => c.localName);
  const result = childElements(root).find((c) => c.localName === `${operation}Result`);
  if (!kids.includes('ResponseMetadata')) problems.push(`${operation}: no ResponseMetadata`);
  if (result) auditXml(result, outputSchema(schemas, operation), operation, problems);
  else problems.push(`${operation}: no ${operation}Result`);
  return problems;
}
