/**
 * AWS's published SigV4 test suite (tests/fixtures/sigv4-test-suite), stage by stage: for each case
 * the canonical request must equal `.creq`, the string to sign `.sts`, and the signature the one in
 * `.authz`. The suite writes raw (unencoded) paths in its `.req` files, hence `encode-raw`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalRequest } from './canonical-request';
import { credentialScope, signature, signingKey, stringToSign } from './stages';

const root = join(__dirname, '../../../tests/fixtures/sigv4-test-suite');
const constants = JSON.parse(readFileSync(join(root, 'constants.json'), 'utf8')) as {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  amzDate: string;
};

function caseDirs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (readdirSync(path).some((f) => f.endsWith('.req'))) out.push(path);
    else out.push(...caseDirs(path));
  }
  return out.sort();
}

/**
 * Turns a raw HTTP request into a fetch Request. Two HTTP/1.1 features fetch cannot express are
 * applied as a server's parser would before canonicalisation: folded continuation lines join the
 * previous value with a space, and repeated headers are combined with ',' as SigV4 specifies
 * (fetch's Headers would insert ', ').
 */
function parseReq(text: string): Request {
  const [head = '', ...bodyParts] = text.split('\n\n');
  const lines = head.split('\n');
  const [method = 'GET', ...rest] = (lines.shift() ?? '').split(' ');
  const path = rest.slice(0, -1).join(' ');
  const fields: [string, string][] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && fields.length > 0) {
      const last = fields[fields.length - 1] as [string, string];
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    fields.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  const combined = new Map<string, string>();
  for (const [name, value] of fields) {
    const lower = name.toLowerCase();
    combined.set(lower, combined.has(lower) ? `${combined.get(lower)},${value.trim()}` : value.trim());
  }
  const host = combined.get('host') ?? 'example.amazonaws.com';
  const body = bodyParts.join('\n\n');
  return new Request(`https://${host}${path}`, {
    method,
    headers: [...combined],
    body: body === '' || method === 'GET' ? undefined : body,
  });
}

const read = (dir: string, ext: string) => {
  const base = dir.split('/').pop() as string;
  return readFileSync(join(dir, `${base}.${ext}`), 'utf8');
};

describe('SigV4 test suite', () => {
  for (const dir of caseDirs(root)) {
    const name = dir.slice(root.length + 1);
    it(`${name}: canonical request, string to sign and signature`, async () => {
      const authz = read(dir, 'authz');
      const signedHeaders = /SignedHeaders=([^,]+)/.exec(authz)?.[1]?.split(';') ?? [];
      // get-vanilla-with-session-token's token appears only in the signed request (.sreq).
      const raw = read(dir, 'req');
      const request = parseReq(
        signedHeaders.some((h) => !raw.toLowerCase().includes(`\n${h}:`) && h !== 'host')
          ? read(dir, 'sreq')
          : raw,
      );
      const expectedSignature = /Signature=([0-9a-f]{64})/.exec(authz)?.[1];

      const creq = await canonicalRequest(request, signedHeaders, { pathEncoding: 'encode-raw' });
      expect(creq).toBe(read(dir, 'creq'));

      const scope = credentialScope(constants.amzDate, constants.region, constants.service);
      const sts = await stringToSign(constants.amzDate, scope, creq);
      expect(sts).toBe(read(dir, 'sts'));

      const key = await signingKey(
        constants.secretAccessKey,
        constants.amzDate,
        constants.region,
        constants.service,
      );
      expect(await signature(key, sts)).toBe(expectedSignature);
      expect(authz).toBe(
        `AWS4-HMAC-SHA256 Credential=${constants.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${expectedSignature}`,
      );
    });
  }
});
