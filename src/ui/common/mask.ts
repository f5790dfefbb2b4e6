/**
 * Secrets shown masked by default: passwords, secret keys, session tokens, refresh tokens and bearer
 * tokens. Masking keeps the first characters so two values can still be told apart.
 */
const SECRET_NAME =
  /(password|secret|sessiontoken|security-token|refresh_token|refreshtoken|idtoken|accesstoken|^token$|webidentitytoken|samlassertion|samlresponse)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name.replace(/[-_]/g, (c) => (c === '-' ? '-' : '_')));
}

export function maskValue(value: string): string {
  if (value.length <= 8) return '••••••••';
  return `${value.slice(0, 6)}…(${value.length} chars, hidden)`;
}

function maskJson(value: unknown, key = ''): unknown {
  if (typeof value === 'string')
    return isSecretName(key) ||
      key.startsWith('cognito-idp.') ||
      key === 'accounts.google.com' ||
      key.startsWith('arn:aws:iam')
      ? maskValue(value)
      : value;
  if (Array.isArray(value)) return value.map((v) => maskJson(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskJson(v, k)]));
  }
  return value;
}

/** A body made readable: JSON pretty-printed, form fields one per line, XML as sent. Masked unless `reveal`. */
export function prettyBody(body: string, contentType: string | undefined, reveal: boolean): string {
  if (!body) return '(empty body)';
  if (contentType?.includes('json') || body.startsWith('{')) {
    try {
      const parsed = JSON.parse(body) as unknown;
      return JSON.stringify(reveal ? parsed : maskJson(parsed), null, 2);
    } catch {
      /* not JSON after all */
    }
  }
  if (contentType?.includes('x-www-form-urlencoded')) {
    return [...new URLSearchParams(body)]
      .map(([k, v]) => `${k} = ${!reveal && isSecretName(k) ? maskValue(v) : v}`)
      .join('\n');
  }
  if (!reveal && body.startsWith('<')) {
    return body.replace(
      /<(SecretAccessKey|SessionToken)>([^<]*)<\/\1>/g,
      (_m, tag: string, v: string) => `<${tag}>${maskValue(v)}</${tag}>`,
    );
  }
  return body;
}

export function maskHeader(name: string, value: string, reveal: boolean): string {
  if (reveal) return value;
  const lower = name.toLowerCase();
  if (lower === 'authorization') {
    if (value.startsWith('AWS4-HMAC-SHA256'))
      return value.replace(/Signature=([0-9a-f]{6})[0-9a-f]+/, 'Signature=$1…');
    return maskValue(value);
  }
  if (lower === 'x-amz-security-token') return maskValue(value);
  return value;
}

/**
 * A SigV4 canonical request as the verifier rebuilt it: the session token travels in it, as the
 * x-amz-security-token header line or, in a presigned URL, the X-Amz-Security-Token query parameter,
 * and is masked there as everywhere else unless `reveal`.
 */
export function maskCanonicalRequest(text: string, reveal: boolean): string {
  if (reveal) return text;
  return text
    .replace(/^(x-amz-security-token:)(.*)$/gim, (_m, name: string, v: string) => `${name}${maskValue(v)}`)
    .replace(/(X-Amz-Security-Token=)([^&\s]*)/g, (_m, name: string, v: string) => `${name}${maskValue(v)}`);
}
