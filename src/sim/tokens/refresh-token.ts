import type { World } from '../world';
import { base64urlDecode, base64urlEncode } from './user-pool-jwt';

/**
 * User pool refresh tokens: opaque to clients and readable only by the pool, as AWS's are. AWS's are
 * compact JWEs with the observed header `{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}` (reference
 * 1.5). The simulation's key ring holds a symmetric AES-256-GCM key for this, so the honest JOSE header
 * for what we do is `{"alg":"A256GCMKW","enc":"A256GCM","iv":…,"tag":…}` (RFC 7518 §4.7): a fresh
 * content key wrapped with the pool key. That keeps AWS's look (five parts, none empty, an encrypted key
 * in part two) without claiming an RSA-OAEP we do not perform. Every IV and content key comes from
 * world.random, so the same seed and clock give the same token bytes.
 */
export interface RefreshTokenPayload {
  /** Refresh token id. */
  jti: string;
  origin_jti: string;
  pool: string;
  client_id: string;
  username: string;
  sub: string;
  iat: number;
  exp: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

async function gcm(
  op: 'encrypt' | 'decrypt',
  key: CryptoKey,
  iv: Uint8Array,
  data: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array> {
  const params: AesGcmParams = { name: 'AES-GCM', iv: iv as BufferSource, tagLength: 128 };
  if (aad) params.additionalData = aad as BufferSource;
  const out =
    op === 'encrypt'
      ? await crypto.subtle.encrypt(params, key, data as BufferSource)
      : await crypto.subtle.decrypt(params, key, data as BufferSource);
  return new Uint8Array(out);
}

export async function sealRefreshToken(world: World, payload: RefreshTokenPayload): Promise<string> {
  const cek = world.random.bytes(32);
  const wrapIv = world.random.bytes(12);
  const wrapped = await gcm('encrypt', world.keys.refreshToken, wrapIv, cek);
  const header = {
    alg: 'A256GCMKW',
    enc: 'A256GCM',
    iv: base64urlEncode(wrapIv),
    tag: base64urlEncode(wrapped.slice(32)),
  };
  const protectedHeader = base64urlEncode(enc.encode(JSON.stringify(header)));
  const contentKey = await crypto.subtle.importKey('raw', cek as BufferSource, 'AES-GCM', false, ['encrypt']);
  const iv = world.random.bytes(12);
  const sealed = await gcm(
    'encrypt',
    contentKey,
    iv,
    enc.encode(JSON.stringify(payload)),
    enc.encode(protectedHeader),
  );
  return [
    protectedHeader,
    base64urlEncode(wrapped.slice(0, 32)),
    base64urlEncode(iv),
    base64urlEncode(sealed.slice(0, sealed.length - 16)),
    base64urlEncode(sealed.slice(sealed.length - 16)),
  ].join('.');
}

/** Decrypts a refresh token; `undefined` for anything this pool did not issue (wrong shape, tampered, foreign key). */
export async function openRefreshToken(
  world: World,
  token: string,
): Promise<RefreshTokenPayload | undefined> {
  const parts = token.split('.');
  if (parts.length !== 5) return undefined;
  try {
    const [protectedHeader, encryptedKey, ivText, ciphertext, tag] = parts as [
      string,
      string,
      string,
      string,
      string,
    ];
    const header = JSON.parse(dec.decode(base64urlDecode(protectedHeader))) as Record<string, unknown>;
    if (
      header.alg !== 'A256GCMKW' ||
      header.enc !== 'A256GCM' ||
      typeof header.iv !== 'string' ||
      typeof header.tag !== 'string'
    ) {
      return undefined;
    }
    const wrapped = concat(base64urlDecode(encryptedKey), base64urlDecode(header.tag));
    const cek = await gcm('decrypt', world.keys.refreshToken, base64urlDecode(header.iv), wrapped);
    const contentKey = await crypto.subtle.importKey('raw', cek as BufferSource, 'AES-GCM', false, [
      'decrypt',
    ]);
    const plain = await gcm(
      'decrypt',
      contentKey,
      base64urlDecode(ivText),
      concat(base64urlDecode(ciphertext), base64urlDecode(tag)),
      enc.encode(protectedHeader),
    );
    return JSON.parse(dec.decode(plain)) as RefreshTokenPayload;
  } catch {
    return undefined;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
