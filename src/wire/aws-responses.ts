/**
 * Reads AWS responses the way a client library does: JSON 1.1 bodies, Query/REST-XML leaf values,
 * and the error code from whichever place the protocol puts it.
 */

export async function readJson<T = Record<string, unknown>>(response: Response): Promise<T | undefined> {
  const text = await response.clone().text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

const XML_ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};

/** Text of the first `<tag>` leaf in an XML document (STS and S3 replies are small and regular). */
export function xmlText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match?.[1]?.replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e);
}

/**
 * The AWS error code of a failed response, from JSON 1.1 `__type` (after `#`, before `:`), the
 * `x-amzn-ErrorType` header, or an XML `<Code>`; undefined for a success.
 */
export async function errorCode(response: Response): Promise<string | undefined> {
  if (response.ok) return undefined;
  const header = response.headers.get('x-amzn-errortype');
  const text = await response.clone().text();
  try {
    const json = JSON.parse(text) as { __type?: string; message?: string; Message?: string };
    if (json.__type) return json.__type.split('#').pop()?.split(':')[0];
  } catch {
    /* not JSON: fall through to XML */
  }
  if (header) return header.split(':')[0];
  return xmlText(text, 'Code') ?? `HTTP ${response.status}`;
}
