/**
 * The raw cryptographic floor of the enhanced flow (bench/engine-flow.ts): exactly the WebCrypto
 * operations that flow performs, counted by reading the engine, timed alone and in the same order
 * (one after another, as the flow awaits them). Nothing else: no JSON, no Request objects, no policy
 * evaluation. If the engine's crypto changes, this list must change with it (README "Benchmark").
 */
import type { KeyRing } from '../src/sim/tokens/keys';

const RSA = { name: 'RSASSA-PKCS1-v1_5' } as const;
const enc = new TextEncoder();

/** One line per operation, with where the engine does it. */
export const FLOOR_OPERATIONS: { op: string; count: number; where: string }[] = [
  {
    op: 'PBKDF2-SHA256, 1,000 iterations (importKey + deriveBits 256)',
    count: 1,
    where: 'InitiateAuth: cognito-idp/password.ts passwordMatches',
  },
  { op: 'RS256 sign', count: 2, where: 'InitiateAuth: access and ID token (tokens/user-pool-jwt.ts)' },
  {
    op: 'AES-256-GCM encrypt',
    count: 2,
    where: 'InitiateAuth: refresh token key wrap + content (tokens/refresh-token.ts)',
  },
  { op: 'AES-GCM importKey (raw content key)', count: 1, where: 'InitiateAuth: refresh token content key' },
  {
    op: 'RS256 verify',
    count: 2,
    where: 'GetId and GetCredentialsForIdentity: the Logins ID token (tokens/verify.ts)',
  },
  {
    op: 'RS512 sign',
    count: 1,
    where: 'GetCredentialsForIdentity: Cognito OpenID token (cognito-identity/openid-token.ts)',
  },
  {
    op: 'RS512 verify',
    count: 1,
    where: 'STS AssumeRoleWithWebIdentity (internal): the OpenID token (sts/web-token.ts)',
  },
  {
    op: 'SHA-256 (canonical request)',
    count: 2,
    where: 'S3 GetObject: client signer + server verifier (sigv4/signer.ts stringToSign)',
  },
  {
    op: 'SHA-256 (empty body vs x-amz-content-sha256)',
    count: 1,
    where: 'S3 GetObject: server payload check (auth/authenticate.ts)',
  },
  {
    op: 'HMAC-SHA256 (importKey + sign)',
    count: 6,
    where:
      "S3 GetObject: the client's 4 signing-key steps (the verifier finds the key kept) + the signature, " +
      'client and server (sigv4/stages.ts)',
  },
];

export interface FloorInputs {
  keys: KeyRing;
  /** Bytes of the JWT signing inputs, so the hashes inside the RSA operations see realistic sizes. */
  idTokenInput: Uint8Array;
  accessTokenInput: Uint8Array;
  openIdTokenInput: Uint8Array;
  refreshPayload: Uint8Array;
  canonicalRequest: string;
}

/** A realistic JWT signing input of `n` bytes (the size of the flow's real tokens). */
export function bytesOfLength(n: number, fill = 0x61): Uint8Array<ArrayBuffer> {
  return new Uint8Array(n).fill(fill);
}

async function hmac(key: Uint8Array<ArrayBuffer>, data: string): Promise<Uint8Array<ArrayBuffer>> {
  const k = await crypto.subtle.importKey(
    'raw',
    key as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(data)));
}

async function sigv4SigningKey(secret: string, date: string): Promise<Uint8Array<ArrayBuffer>> {
  const kDate = await hmac(enc.encode(`AWS4${secret}`), date);
  const kRegion = await hmac(kDate, 'us-east-1');
  const kService = await hmac(kRegion, 's3');
  return hmac(kService, 'aws4_request');
}

/** Performs the floor once. The signatures it verifies are made beforehand (see `prepareFloor`). */
export function createFloor(
  inputs: FloorInputs,
  signatures: { id: ArrayBuffer; access: ArrayBuffer; openId: ArrayBuffer },
) {
  const { keys } = inputs;
  const salt = bytesOfLength(16, 7);
  const password: Uint8Array<ArrayBuffer> = enc.encode('Correct-Horse-1!');
  return async function floorOnce(): Promise<void> {
    // InitiateAuth
    const material = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 },
      material,
      256,
    );
    await crypto.subtle.sign(
      RSA,
      keys.userPoolAccessToken.privateKey,
      inputs.accessTokenInput as BufferSource,
    );
    await crypto.subtle.sign(RSA, keys.userPoolIdToken.privateKey, inputs.idTokenInput as BufferSource);
    const wrapIv = bytesOfLength(12, 1);
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: wrapIv }, keys.refreshToken, bytesOfLength(32, 2));
    const cek = await crypto.subtle.importKey('raw', bytesOfLength(32, 3), 'AES-GCM', false, ['encrypt']);
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: bytesOfLength(12, 4), additionalData: bytesOfLength(120, 5) },
      cek,
      inputs.refreshPayload as BufferSource,
    );
    // GetId, GetCredentialsForIdentity (+ STS inside)
    await crypto.subtle.verify(
      RSA,
      keys.userPoolIdToken.publicKey,
      signatures.id,
      inputs.idTokenInput as BufferSource,
    );
    await crypto.subtle.verify(
      RSA,
      keys.userPoolIdToken.publicKey,
      signatures.id,
      inputs.idTokenInput as BufferSource,
    );
    const openIdSig = await crypto.subtle.sign(
      RSA,
      keys.cognitoIdentity.privateKey,
      inputs.openIdTokenInput as BufferSource,
    );
    await crypto.subtle.verify(
      RSA,
      keys.cognitoIdentity.publicKey,
      openIdSig,
      inputs.openIdTokenInput as BufferSource,
    );
    // S3 GetObject: client signs, server verifies.
    // Each run's credentials are new, so the client derives their signing key; the verifier finds it
    // kept (sigv4/stages.ts signingKey) and only computes the signature.
    const clientHash = await crypto.subtle.digest('SHA-256', enc.encode(inputs.canonicalRequest));
    const kSigning = await sigv4SigningKey('secret/key/of/forty/characters/AAAAAAAAA', '20261126');
    await hmac(kSigning, `AWS4-HMAC-SHA256\n${clientHash.byteLength}`);
    const serverHash = await crypto.subtle.digest('SHA-256', enc.encode(inputs.canonicalRequest));
    await crypto.subtle.digest('SHA-256', new Uint8Array(0));
    await hmac(kSigning, `AWS4-HMAC-SHA256\n${serverHash.byteLength}`);
  };
}

/** Signatures to verify, made once outside the timed loop (the flow verifies tokens made earlier in it, whose signing is timed separately). */
export async function prepareFloor(inputs: FloorInputs) {
  const { keys } = inputs;
  return createFloor(inputs, {
    id: await crypto.subtle.sign(RSA, keys.userPoolIdToken.privateKey, inputs.idTokenInput as BufferSource),
    access: await crypto.subtle.sign(
      RSA,
      keys.userPoolAccessToken.privateKey,
      inputs.accessTokenInput as BufferSource,
    ),
    openId: await crypto.subtle.sign(
      RSA,
      keys.cognitoIdentity.privateKey,
      inputs.openIdTokenInput as BufferSource,
    ),
  });
}
