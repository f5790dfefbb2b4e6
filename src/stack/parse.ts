import { type DuplicateKey, MAX_TEMPLATE_BYTES, StackImportError } from './errors';
import { parseJson } from './parse-json';
import { parseYaml } from './parse-yaml';

/** A template's top-level sections as CloudFormation reads them (null-prototype records). */
export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Transform?: unknown;
  Parameters: Record<string, Record<string, unknown>>;
  Mappings: Record<string, Record<string, Record<string, unknown>>>;
  Conditions: Record<string, unknown>;
  Resources: Record<string, TemplateResource>;
  Outputs: Record<string, unknown>;
  /** Names of template rules (parameter assertions), which the import does not check. */
  Rules: string[];
  /** Keys written twice (the last value kept, as CloudFormation does), in the order read. */
  duplicates: DuplicateKey[];
}

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DependsOn?: string | string[];
  Metadata?: unknown;
}

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function section(doc: Record<string, unknown>, name: string): Record<string, never> {
  const value = doc[name];
  if (value === undefined || value === null) return Object.create(null);
  if (!isRecord(value)) throw new StackImportError(`The template's ${name} section must be an object`);
  return value as Record<string, never>;
}

/** A value as the template wrote it, cut short: a Type may be a whole object pasted in the wrong place. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Each parameter is an object with a string Type, and a Default (when given) that is text: a parameter's
 * value is a string (a list parameter's too, split at commas). CloudFormation's words, as CloudFormation
 * emulators reproduce them (Eucalyptus' TemplateParser): "Every Parameters object must contain a Type
 * member." and "Every Default member must be a string."
 */
function checkParameters(parameters: Record<string, unknown>): void {
  for (const [name, p] of Object.entries(parameters)) {
    if (!isRecord(p) || typeof p.Type !== 'string')
      throw new StackImportError(
        `Parameters.${name}: Template format error: Every Parameters object must contain a Type member.`,
      );
    const d = p.Default;
    if (d !== undefined && typeof d !== 'string' && typeof d !== 'number' && typeof d !== 'boolean')
      throw new StackImportError(
        `Parameters.${name}.Default: Template format error: Every Default member must be a string.`,
      );
  }
}

/**
 * Each output is an object with a Value ("Template format error: Every Outputs member must contain a Value
 * object", aws-samples/aws-iot-chat-example#1); an output written as plain text has no Value member either.
 * An Export names the export: "Output Name is malformed. The Name field of every Export member must be
 * specified and consist only of alphanumeric characters, colons, or hyphens." (aws-samples/
 * startup-kit-templates#45); the characters are checked here when the name is written out, and after
 * it is resolved otherwise (build-world.ts).
 */
function checkOutputs(outputs: Record<string, unknown>): void {
  for (const [name, o] of Object.entries(outputs)) {
    if (!isRecord(o) || o.Value === undefined || o.Value === null)
      throw new StackImportError(
        `Outputs.${name}: Template format error: Every Outputs member must contain a Value object`,
      );
    if (o.Export === undefined) continue;
    const exportName = isRecord(o.Export) ? o.Export.Name : undefined;
    if (exportName === undefined || exportName === null || !exportNameFits(exportName))
      throw new StackImportError(`Outputs.${name}.Export: ${EXPORT_NAME_MALFORMED}`);
  }
}

export const EXPORT_NAME_MALFORMED =
  'Template format error: Output Name is malformed. The Name field of every Export member must be specified ' +
  'and consist only of alphanumeric characters, colons, or hyphens.';

/** The characters an export's Name may hold. */
export const EXPORT_NAME = /^[A-Za-z0-9:-]+$/;

/** A name written as text must fit; one built by a function is checked once resolved. */
function exportNameFits(name: unknown): boolean {
  if (typeof name === 'string') return EXPORT_NAME.test(name);
  return isRecord(name);
}

/** Reads JSON or YAML text (JSON when it starts with `{`) into a Template, or rejects with where it failed. */
export async function parseTemplate(text: string): Promise<Template> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_TEMPLATE_BYTES)
    throw new StackImportError(`The template is ${bytes} bytes; the limit is ${MAX_TEMPLATE_BYTES} (1 MB)`);
  // A byte order mark (Windows editors write one) is not part of the JSON text; trimStart() hides it from
  // the JSON-or-YAML test, so it is cut here or the JSON reader would stop at line 1, column 1.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (!trimmed) throw new StackImportError('The template is empty');
  // A YAML alias carries its anchor's repeated key to each place it is used, each said at its own path.
  const duplicates: DuplicateKey[] = [];
  const doc = trimmed.startsWith('{') ? parseJson(body, duplicates) : await parseYaml(body, duplicates);
  if (!isRecord(doc)) throw new StackImportError('A template must be an object with a Resources section');
  const resources = section(doc, 'Resources');
  if (Object.keys(resources).length === 0)
    throw new StackImportError('The template has no Resources (CloudFormation requires at least one)');
  for (const [id, r] of Object.entries(resources as Record<string, unknown>)) {
    if (!isRecord(r)) throw new StackImportError(`Resource ${id} must be an object with a Type`);
    if (r.Type === undefined || r.Type === null) throw new StackImportError(`Resource ${id} has no Type`);
    if (typeof r.Type !== 'string')
      throw new StackImportError(`Resource ${id} has a Type that is not a string (${shown(r.Type)})`);
  }
  // "The logical ID must be alphanumeric (A-Za-z0-9) and unique within the template" (CloudFormation user
  // guide, resources, parameters and outputs). It also keeps names such as `__proto__` out of lookups.
  // The wording is CloudFormation's as reported in public issue threads: "Resource name X is non
  // alphanumeric." and "Parameter name X …", but "Outputs name 'X' …" with the section's name and quotes.
  for (const [names, said] of [
    [Object.keys(resources), (n: string) => `Resource name ${n}`],
    [Object.keys(section(doc, 'Parameters')), (n: string) => `Parameter name ${n}`],
    [Object.keys(section(doc, 'Outputs')), (n: string) => `Outputs name '${n}'`],
  ] as const) {
    const bad = names.find((n) => !LOGICAL_ID.test(n));
    if (bad !== undefined)
      throw new StackImportError(`Template format error: ${said(bad)} is non alphanumeric.`);
  }
  checkParameters(section(doc, 'Parameters'));
  checkOutputs(section(doc, 'Outputs'));
  return {
    AWSTemplateFormatVersion:
      typeof doc.AWSTemplateFormatVersion === 'string' ? doc.AWSTemplateFormatVersion : undefined,
    Description: typeof doc.Description === 'string' ? doc.Description : undefined,
    Transform: doc.Transform,
    Parameters: section(doc, 'Parameters'),
    Mappings: section(doc, 'Mappings'),
    Conditions: section(doc, 'Conditions'),
    Resources: resources,
    Outputs: section(doc, 'Outputs'),
    Rules: Object.keys(section(doc, 'Rules')),
    duplicates,
  };
}
