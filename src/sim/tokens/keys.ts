import {
  cognitoIdentityKey,
  googleKey,
  type RsaPrivateJwk,
  refreshTokenAesKey,
  samlCertificateBase64,
  samlKey,
  userPoolAccessTokenKey,
  userPoolIdTokenKey,
} from '../demo-keys';

/**
 * The cloud's signing keys. Private keys are non-extractable CryptoKeys: they can be kept in
 * IndexedDB as they are (structured clone) but never read back as bytes. Public halves are kept as
 * JWKs because they are published (JWKS endpoints, SAML metadata).
 */
export interface SimKey {
  kid: string;
  alg: 'RS256' | 'RS512';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Public JWK with kid, alg and use, as a JWKS endpoint serves it. */
  publicJwk: JsonWebKey & { kid: string; alg: string; use: 'sig' };
}

export interface KeyRing {
  /** Signs the user pool's ID tokens (RS256). AWS signs ID and access tokens with different keys. */
  userPoolIdToken: SimKey;
  /** Signs the user pool's access tokens (RS256). */
  userPoolAccessToken: SimKey;
  /** Signs the Cognito Identity OpenID tokens (RS512, kid `<region>-1`, as observed on AWS). */
  cognitoIdentity: SimKey;
  /** The simulated Google's OIDC signing key (RS256). */
  google: SimKey;
  /** The simulated corporate SAML IdP's signing key (RSA-SHA256) and its X.509 certificate. */
  saml: SimKey & { certificateBase64: string };
  /** AES-256-GCM key that encrypts refresh tokens (they are opaque to clients, as AWS's are). */
  refreshToken: CryptoKey;
}

export type KeySource = 'demo' | 'generate';

type Hash = 'SHA-256' | 'SHA-512';
const rsaParams = (hash: Hash) => ({ name: 'RSASSA-PKCS1-v1_5', hash }) as const;

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** RFC 7638 thumbprint input for an RSA key: the required members in lexicographic order. */
async function thumbprint(jwk: JsonWebKey): Promise<Uint8Array> {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
}

type KidStyle = 'cognito-idp' | 'google' | 'fixed';

async function kidFor(style: KidStyle, publicJwk: JsonWebKey, fixed?: string): Promise<string> {
  if (style === 'fixed' && fixed) return fixed;
  const hash = await thumbprint(publicJwk);
  // User pool kids look like base64 of a SHA-256 (ending in '='); Google's are 40 hex characters.
  if (style === 'cognito-idp') return base64(hash);
  return [...hash.slice(0, 20)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function importPair(jwk: RsaPrivateJwk, alg: SimKey['alg'], style: KidStyle, fixedKid?: string): Promise<SimKey> {
  const hash: Hash = alg === 'RS512' ? 'SHA-512' : 'SHA-256';
  const privateKey = await crypto.subtle.importKey('jwk', { ...jwk, alg, ext: false }, rsaParams(hash), false, ['sign']);
  const pub = { kty: 'RSA', n: jwk.n, e: jwk.e };
  const publicKey = await crypto.subtle.importKey('jwk', { ...pub, alg }, rsaParams(hash), true, ['verify']);
  const kid = await kidFor(style, pub, fixedKid);
  return { kid, alg, privateKey, publicKey, publicJwk: { ...pub, kid, alg, use: 'sig' } };
}

async function generatePair(alg: SimKey['alg'], style: KidStyle, fixedKid?: string): Promise<SimKey> {
  const hash: Hash = alg === 'RS512' ? 'SHA-512' : 'SHA-256';
  const pair = (await crypto.subtle.generateKey(
    { ...rsaParams(hash), modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    false,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const exported = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const pub = { kty: 'RSA', n: exported.n, e: exported.e };
  const kid = await kidFor(style, pub, fixedKid);
  return {
    kid,
    alg,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    publicJwk: { ...pub, kid, alg, use: 'sig' },
  };
}

/**
 * Builds the key ring. `demo` imports the published demo keys (fast, byte-reproducible);
 * `generate` makes fresh RSA keys (slow: five 2048-bit key generations).
 * `createCertificate` is supplied by the SAML IdP for generated keys (a self-signed X.509).
 */
export async function createKeyRing(
  source: KeySource,
  region: string,
  createCertificate?: (key: SimKey) => Promise<string>,
): Promise<KeyRing> {
  const identityKid = `${region}-1`;
  if (source === 'demo') {
    const [userPoolIdToken, userPoolAccessToken, cognitoIdentity, google, saml, refreshToken] = await Promise.all([
      importPair(userPoolIdTokenKey, 'RS256', 'cognito-idp'),
      importPair(userPoolAccessTokenKey, 'RS256', 'cognito-idp'),
      importPair(cognitoIdentityKey, 'RS512', 'fixed', identityKid),
      importPair(googleKey, 'RS256', 'google'),
      importPair(samlKey, 'RS256', 'google'),
      crypto.subtle.importKey('jwk', { kty: 'oct', k: refreshTokenAesKey, alg: 'A256GCM', ext: false }, 'AES-GCM', false, [
        'encrypt',
        'decrypt',
      ]),
    ]);
    return {
      userPoolIdToken,
      userPoolAccessToken,
      cognitoIdentity,
      google,
      saml: { ...saml, certificateBase64: samlCertificateBase64 },
      refreshToken,
    };
  }
  const [userPoolIdToken, userPoolAccessToken, cognitoIdentity, google, saml, refreshToken] = await Promise.all([
    generatePair('RS256', 'cognito-idp'),
    generatePair('RS256', 'cognito-idp'),
    generatePair('RS512', 'fixed', identityKid),
    generatePair('RS256', 'google'),
    generatePair('RS256', 'google'),
    crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) as Promise<CryptoKey>,
  ]);
  if (!createCertificate) throw new Error('createKeyRing(generate) needs a certificate factory for the SAML IdP');
  const certificateBase64 = await createCertificate(saml);
  return { userPoolIdToken, userPoolAccessToken, cognitoIdentity, google, saml: { ...saml, certificateBase64 }, refreshToken };
}

export { base64url as keyBase64url };
