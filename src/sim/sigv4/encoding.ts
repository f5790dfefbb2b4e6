/**
 * Byte helpers for SigV4: RFC 3986 percent-encoding (the only encoding SigV4 accepts), hex, and the
 * two WebCrypto primitives the algorithm uses (SHA-256 and HMAC-SHA256).
 */

const textEncoder = new TextEncoder();

/**
 * RFC 3986 encoding: everything but the unreserved set `A-Z a-z 0-9 - _ . ~` becomes `%XX` with
 * upper-case hex. `encodeURIComponent` leaves `! ' ( ) *` alone, so those are escaped here too
 * (the SigV4 docs: "Do not URI-encode any of the unreserved characters that RFC 3986 defines").
 */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Percent-decoding that never throws: a malformed escape is kept as it was sent. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return textEncoder.encode(text) as Uint8Array<ArrayBuffer>;
}

export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}

export async function hmacSha256(
  key: Uint8Array<ArrayBuffer>,
  data: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8(data)));
}

/** Hash of the empty payload, the value every bodiless request carries. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Comparison whose time does not depend on where two hex strings differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
