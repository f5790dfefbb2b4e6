/**
 * Shared pieces of the hostile-input suites: a demo cloud on a test clock, raw AWS JSON 1.1 calls,
 * the whole service state for "nothing changed" checks, and forged tokens.
 */
import { SignJWT } from 'jose';
import { type Cloud, createCloud } from '../../src/sim/index';
import { createKeyRing } from '../../src/sim/tokens/keys';
import { createTestClock } from '../support/cloud-handler';

export async function hostileCloud() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  return { cloud, clock };
}

/** Every service's state as JSON text: equal text before and after means the request changed nothing. */
export const stateOf = (cloud: Cloud): string => cloud.snapshot().state;

/** The paths whose values differ between two state texts (empty when nothing changed). */
export function changedPaths(before: string, after: string): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys)
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      return;
    }
    out.push(path);
  };
  walk(JSON.parse(before), JSON.parse(after), '$');
  return out;
}

export interface WireResult {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> | undefined;
}

async function read(response: Response): Promise<WireResult> {
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function send(cloud: Cloud, request: Request): Promise<WireResult> {
  return read(await cloud.fetch(request));
}

export const idpHost = (cloud: Cloud) => `https://cognito-idp.${cloud.demo.region}.amazonaws.com/`;
export const identityHost = (cloud: Cloud) => `https://cognito-identity.${cloud.demo.region}.amazonaws.com/`;

/** A raw AWS JSON 1.1 call; `headers` override the defaults, `body` strings are sent as they are. */
export function json11(
  cloud: Cloud,
  url: string,
  target: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<WireResult> {
  const h: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', ...headers };
  if (target !== undefined) h['x-amz-target'] = target;
  return send(
    cloud,
    new Request(url, {
      method: 'POST',
      headers: h,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export const idp = (cloud: Cloud, op: string, body: unknown) =>
  json11(cloud, idpHost(cloud), `AWSCognitoIdentityProviderService.${op}`, body);
export const identity = (cloud: Cloud, op: string, body: unknown) =>
  json11(cloud, identityHost(cloud), `AWSCognitoIdentityService.${op}`, body);

/** The JSON 1.1 error shape: status, `__type`, `message` and the `x-amzn-ErrorType` header agree. */
export function jsonError(result: WireResult) {
  return {
    status: result.status,
    type: result.json?.__type,
    message: result.json?.message,
    header: result.headers.get('x-amzn-errortype'),
  };
}

export async function signIn(cloud: Cloud, clientId = cloud.demo.userPool.clientId, who = 0) {
  const user = cloud.demo.userPool.users[who] as { username: string; password: string };
  const r = await idp(cloud, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
  });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.text}`);
  return r.json?.AuthenticationResult as { AccessToken: string; IdToken: string; RefreshToken: string };
}

export const userPoolLogin = (cloud: Cloud) =>
  `cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.userPool.id}`;

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const b64urlJson = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));
const parts = (jwt: string) => jwt.split('.') as [string, string, string];
export const decodePart = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** The token with one byte of its signature changed. */
export function flipSignatureByte(jwt: string): string {
  const [h, p, s] = parts(jwt);
  const sig = Buffer.from(s, 'base64url');
  sig[10] = (sig[10] as number) ^ 0x01;
  return `${h}.${p}.${b64url(sig)}`;
}

/** The same claims under `alg: none` and no signature. */
export function algNone(jwt: string): string {
  const [h, p] = parts(jwt);
  return `${b64urlJson({ ...decodePart(h), alg: 'none' })}.${p}.`;
}

/** The same claims, HS256-"signed" with the issuer's public key (its JWK JSON and its PEM) as the secret. */
export async function hs256WithPublicKey(jwt: string, publicKey: CryptoKey): Promise<string[]> {
  const [h, p] = parts(jwt);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(spki).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PUBLIC KEY-----\n`;
  const jwk = JSON.stringify(await crypto.subtle.exportKey('jwk', publicKey));
  const out: string[] = [];
  for (const secret of [pem, jwk]) {
    const header = b64urlJson({ ...decodePart(h), alg: 'HS256' });
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(
      await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${header}.${p}`)),
    );
    out.push(`${header}.${p}.${b64url(mac)}`);
  }
  return out;
}

/** The same header and claims (with `changes`) re-signed with a key nobody publishes, kid included. */
export async function resignWithStrangerKey(jwt: string, kid: string, changes: Record<string, unknown> = {}) {
  const [h, p] = parts(jwt);
  const pair = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      hash: 'SHA-256',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
    },
    false,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const header = decodePart(h);
  return new SignJWT({ ...decodePart(p), ...changes })
    .setProtectedHeader({ ...header, alg: 'RS256', kid })
    .sign(pair.privateKey);
}

/** A Google ID token signed with the (published) demo Google key, claims overridable. */
export async function googleToken(cloud: Cloud, nowMs: number, claims: Record<string, unknown> = {}) {
  const keys = await createKeyRing('demo', cloud.demo.region);
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({
    iss: 'https://accounts.google.com',
    azp: cloud.demo.google.clientId,
    aud: cloud.demo.google.clientId,
    sub: '110169484474386276334',
    email: 'carol@gmail.com',
    iat,
    exp: iat + 3600,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: keys.google.kid, typ: 'JWT' })
    .sign(keys.google.privateKey);
}
