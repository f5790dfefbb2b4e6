/**
 * A small XML writer for the XML-speaking protocols (STS's Query replies, S3's REST-XML). Values
 * are always escaped, so nothing a caller sends can become markup in a reply.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlNode | XmlValue[];
export interface XmlNode {
  [element: string]: XmlValue;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Serialises `{ Name: value }` pairs in insertion order. Arrays repeat the element; `null` and
 * `undefined` members are omitted (AWS omits absent optional members).
 */
export function toXml(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) out += element(name, value);
  return out;
}

function element(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
  if (typeof value === 'object') return `<${name}>${toXml(value)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document with the XML declaration and a namespaced root, as AWS writes its replies. */
export function xmlDocument(root: string, namespace: string | undefined, body: XmlNode): string {
  const ns = namespace ? ` xmlns="${namespace}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${toXml(body)}</${root}>`;
}
