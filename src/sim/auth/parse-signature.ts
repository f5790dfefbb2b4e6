/**
 * Reads where a request carries its SigV4 signature: the `Authorization` header or the presigned
 * query (`X-Amz-Algorithm` …). Header and query authentication cannot be mixed (docs/aws-reference.md §7.3).
 */
import { ALGORITHM, QUERY } from '../sigv4/constants';

export interface ParsedSignature {
  form: 'header' | 'query';
  accessKeyId: string;
  /** `<YYYYMMDD>/<region>/<service>/aws4_request` as sent. */
  scope: string;
  scopeDate: string;
  scopeRegion: string;
  scopeService: string;
  scopeTerminator: string;
  signedHeaders: string[];
  signature: string;
  /** X-Amz-Date (or the `Date` header converted to basic ISO form). */
  amzDate: string;
  sessionToken?: string;
  /** Presigned only: seconds. */
  expires?: string;
}

export type ParseResult =
  | { kind: 'none' }
  | { kind: 'malformed'; message: string }
  | { kind: 'both' }
  | { kind: 'signed'; parsed: ParsedSignature };

export function parseSignature(request: Request): ParseResult {
  const url = new URL(request.url);
  const header = request.headers.get('authorization');
  const queryAlgorithm = url.searchParams.get(QUERY.algorithm);
  if (header && queryAlgorithm) return { kind: 'both' };
  if (header) return parseHeader(request, header);
  if (queryAlgorithm !== null) return parseQuery(url, queryAlgorithm);
  return { kind: 'none' };
}

function httpDateToAmz(value: string | null): string | undefined {
  if (!value) return undefined;
  if (/^\d{8}T\d{6}Z$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms)
    ? undefined
    : new Date(ms)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
}

function splitCredential(credential: string) {
  const parts = credential.split('/');
  return {
    accessKeyId: parts[0] ?? '',
    scope: parts.slice(1).join('/'),
    scopeDate: parts[1] ?? '',
    scopeRegion: parts[2] ?? '',
    scopeService: parts[3] ?? '',
    scopeTerminator: parts[4] ?? '',
    wellFormed: parts.length === 5 && parts.every((p) => p !== ''),
  };
}

function parseHeader(request: Request, header: string): ParseResult {
  // AWS answers an unknown scheme (a bare JWT, `Bearer …`) as an incomplete SigV4 header that lacks
  // every part, so the message lists each missing one (docs/aws-reference.md §7.6/8.3; a real API Gateway answer
  // quoted on openillumi.com reads "Authorization header requires 'Credential' parameter.
  // Authorization header requires 'Signature' pa…").
  const fields = new Map<string, string>();
  if (header.startsWith(`${ALGORITHM} `)) {
    for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }
  const amzDate =
    httpDateToAmz(request.headers.get('x-amz-date')) ?? httpDateToAmz(request.headers.get('date'));
  const missing: string[] = [];
  if (!fields.get('Credential')) missing.push("Authorization header requires 'Credential' parameter.");
  if (!fields.get('Signature')) missing.push("Authorization header requires 'Signature' parameter.");
  if (!fields.get('SignedHeaders')) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (!amzDate)
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0)
    return { kind: 'malformed', message: `${missing.join(' ')} Authorization=${header}` };
  const credential = splitCredential(fields.get('Credential') as string);
  if (!credential.wellFormed) {
    return {
      kind: 'malformed',
      message: `Credential should be scoped to a valid region, not '${credential.scopeRegion}'. Authorization=${header}`,
    };
  }
  return {
    kind: 'signed',
    parsed: {
      form: 'header',
      ...credential,
      signedHeaders: (fields.get('SignedHeaders') as string).split(';').map((h) => h.trim().toLowerCase()),
      signature: fields.get('Signature') as string,
      amzDate: amzDate as string,
      sessionToken: request.headers.get('x-amz-security-token') ?? undefined,
    },
  };
}

function parseQuery(url: URL, algorithm: string): ParseResult {
  const get = (name: string) => url.searchParams.get(name);
  const missing = [QUERY.credential, QUERY.signature, QUERY.signedHeaders, QUERY.date].filter((n) => !get(n));
  if (algorithm !== ALGORITHM) {
    return { kind: 'malformed', message: `X-Amz-Algorithm only supports "${ALGORITHM}"` };
  }
  if (missing.length > 0) {
    return {
      kind: 'malformed',
      message: missing.map((n) => `AWS query-string parameters must include '${n}'.`).join(' '),
    };
  }
  const credential = splitCredential(get(QUERY.credential) as string);
  if (!credential.wellFormed)
    return { kind: 'malformed', message: `Error parsing the X-Amz-Credential parameter` };
  return {
    kind: 'signed',
    parsed: {
      form: 'query',
      ...credential,
      signedHeaders: (get(QUERY.signedHeaders) as string).split(';').map((h) => h.toLowerCase()),
      signature: get(QUERY.signature) as string,
      amzDate: get(QUERY.date) as string,
      sessionToken: get(QUERY.securityToken) ?? undefined,
      expires: get(QUERY.expires) ?? undefined,
    },
  };
}
