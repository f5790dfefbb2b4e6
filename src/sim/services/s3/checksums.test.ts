import { Crc32, Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { describe, expect, it } from 'vitest';
import { toBase64, utf8 } from './bytes';
import { computeChecksum } from './checksums';
import { decodeAwsChunked } from './aws-chunked';
import { etagOf, md5, toHex } from './md5';

async function sdkDigest(
  Hash: new () => { update(d: Uint8Array): void; digest(): Promise<Uint8Array> },
  data: Uint8Array,
) {
  const h = new Hash();
  h.update(data);
  return toBase64(await h.digest());
}

const samples = [
  '',
  'a',
  'abc',
  'The quick brown fox jumps over the lazy dog',
  'x'.repeat(1000),
  'héllo wörld ✓',
];

describe('md5', () => {
  it('matches the RFC 1321 test suite', () => {
    const suite: [string, string][] = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['a', '0cc175b9c0f1b6a831c399e269772661'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
      ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
      ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
    ];
    for (const [input, hex] of suite) expect(toHex(md5(utf8(input)))).toBe(hex);
  });

  it('quotes the hex digest as an ETag', () => {
    expect(etagOf(utf8('abc'))).toBe('"900150983cd24fb0d6963f7d28e17f72"');
  });
});

describe('S3 additional checksums', () => {
  it('agree with the AWS SDK for CRC32, CRC32C and CRC64NVME', async () => {
    for (const text of samples) {
      const data = utf8(text);
      expect(await computeChecksum('CRC32', data)).toBe(await sdkDigest(Crc32, data));
      expect(await computeChecksum('CRC32C', data)).toBe(await sdkDigest(Crc32c, data));
      expect(await computeChecksum('CRC64NVME', data)).toBe(await sdkDigest(Crc64Nvme, data));
    }
  });

  it('encode SHA digests in base64', async () => {
    expect(await computeChecksum('SHA256', utf8('abc'))).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
    expect(await computeChecksum('SHA1', utf8('abc'))).toBe('qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
  });
});

describe('aws-chunked decoding', () => {
  it('joins the chunks and reads the trailing checksum', () => {
    const body = utf8('5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n');
    const decoded = decodeAwsChunked(body);
    expect(new TextDecoder().decode(decoded.data)).toBe('hello world');
    expect(decoded.trailers).toEqual({ 'x-amz-checksum-crc32': 'DUoRhQ==' });
  });

  it('records chunk signatures of the signed variant', () => {
    const sig = 'a'.repeat(64);
    const decoded = decodeAwsChunked(
      utf8(`3;chunk-signature=${sig}\r\nabc\r\n0;chunk-signature=${sig}\r\n\r\n`),
    );
    expect(new TextDecoder().decode(decoded.data)).toBe('abc');
    expect(decoded.chunkSignatures).toEqual([sig, sig]);
  });

  it('refuses a truncated body with IncompleteBody', () => {
    expect(() => decodeAwsChunked(utf8('a\r\nshort'))).toThrowError(
      expect.objectContaining({ code: 'IncompleteBody' }),
    );
  });
});
