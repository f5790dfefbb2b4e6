/**
 * The additional checksums S3 validates and stores ("Checking object integrity", S3 User Guide):
 * CRC32, CRC32C, CRC64NVME, SHA1, SHA256, each sent base64-encoded (big-endian for the CRCs) in an
 * `x-amz-checksum-<algorithm>` header or aws-chunked trailer. SDK v3 sends CRC32 by default.
 */
import { toBase64 } from './bytes';

export const ChecksumAlgorithm = {
  CRC32: 'CRC32',
  CRC32C: 'CRC32C',
  CRC64NVME: 'CRC64NVME',
  SHA1: 'SHA1',
  SHA256: 'SHA256',
} as const;
export type ChecksumAlgorithm = (typeof ChecksumAlgorithm)[keyof typeof ChecksumAlgorithm];

export const CHECKSUM_ALGORITHMS = Object.values(ChecksumAlgorithm);

/** Digest length in bytes: a header value of another length is refused as invalid. */
export const CHECKSUM_LENGTH: Record<ChecksumAlgorithm, number> = {
  CRC32: 4,
  CRC32C: 4,
  CRC64NVME: 8,
  SHA1: 20,
  SHA256: 32,
};

export const checksumHeader = (algorithm: ChecksumAlgorithm): string =>
  `x-amz-checksum-${algorithm.toLowerCase()}`;

function crc32Table(polynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ polynomial : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * The tables are built on first use, not when the engine loads: only uploads that ask for a CRC
 * checksum need them, and building them (the CRC-64 one in BigInt arithmetic) is a noticeable part of
 * the engine chunk's start-up on a slow phone.
 */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}

// Reflected polynomials: CRC-32 (ISO-HDLC) and CRC-32C (Castagnoli).
const crc32Of = once(() => crc32Table(0xedb88320));
const crc32cOf = once(() => crc32Table(0x82f63b78));

function crc32With(table: Uint32Array, data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (table[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// CRC-64/NVME: reflected polynomial 0x9A6C9329AC4BC9B5, initial value and final xor all ones.
const CRC64_POLY = 0x9a6c9329ac4bc9b5n;
const MASK64 = 0xffffffffffffffffn;
const crc64Of = once((): bigint[] =>
  Array.from({ length: 256 }, (_, n) => {
    let c = BigInt(n);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ CRC64_POLY : c >> 1n;
    return c;
  }),
);

function crc64nvme(data: Uint8Array): bigint {
  const table = crc64Of();
  let crc = MASK64;
  for (const byte of data) crc = (table[Number((crc ^ BigInt(byte)) & 0xffn)] as bigint) ^ (crc >> 8n);
  return crc ^ MASK64;
}

function bigEndian(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** The checksum of `data` as S3 writes it on the wire: base64 of the big-endian digest. */
export async function computeChecksum(algorithm: ChecksumAlgorithm, data: Uint8Array): Promise<string> {
  switch (algorithm) {
    case 'CRC32':
      return toBase64(bigEndian(BigInt(crc32With(crc32Of(), data)), 4));
    case 'CRC32C':
      return toBase64(bigEndian(BigInt(crc32With(crc32cOf(), data)), 4));
    case 'CRC64NVME':
      return toBase64(bigEndian(crc64nvme(data), 8));
    case 'SHA1':
      return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-1', data as BufferSource)));
    case 'SHA256':
      return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource)));
  }
}

/**
 * How the algorithm is named in S3's BadDigest message. Observed: "The CRC32 you specified did not
 * match the calculated checksum." and "The sha256 you specified …" (the SHA names are lower case).
 */
export const checksumDisplayName = (algorithm: ChecksumAlgorithm): string =>
  algorithm === 'SHA1' || algorithm === 'SHA256' ? algorithm.toLowerCase() : algorithm;

export function parseChecksumAlgorithm(value: string): ChecksumAlgorithm | undefined {
  const upper = value.toUpperCase();
  return CHECKSUM_ALGORITHMS.find((a) => a === upper);
}
