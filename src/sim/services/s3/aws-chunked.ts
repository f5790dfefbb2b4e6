/**
 * Decodes an `aws-chunked` request body (S3 User Guide, "Signature Calculations for the Authorization
 * Header: Transferring Payload in Multiple Chunks" and the trailing-checksum variant): a series of
 * `<hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n`, a zero-size chunk, then optional trailer lines
 * `<name>:<value>\r\n` and a blank line. SDK v3 uses it with `STREAMING-UNSIGNED-PAYLOAD-TRAILER`
 * when it uploads a stream of unknown length, putting the checksum in the trailer.
 */
import { createDict, setOwn } from '../../core/dict';
import { s3Errors } from './errors';

export interface DecodedChunks {
  data: Uint8Array;
  /** Trailer headers, names lower-cased. */
  trailers: Record<string, string>;
  /** Chunk signatures as sent (not verified by the simulation). */
  chunkSignatures: string[];
}

const incomplete = () => s3Errors.bodyTerminated();

export function decodeAwsChunked(body: Uint8Array): DecodedChunks {
  const decoder = new TextDecoder();
  const parts: Uint8Array[] = [];
  const chunkSignatures: string[] = [];
  let pos = 0;
  const readLine = (): string => {
    for (let i = pos; i + 1 < body.length; i++) {
      if (body[i] === 0x0d && body[i + 1] === 0x0a) {
        const line = decoder.decode(body.subarray(pos, i));
        pos = i + 2;
        return line;
      }
    }
    throw incomplete();
  };
  for (;;) {
    const header = readLine();
    const [sizeText = '', ...extensions] = header.split(';');
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw incomplete();
    for (const ext of extensions) {
      const [name, value] = ext.split('=');
      if (name === 'chunk-signature' && value) chunkSignatures.push(value);
    }
    const size = Number.parseInt(sizeText, 16);
    if (size === 0) break;
    if (pos + size + 2 > body.length) throw incomplete();
    parts.push(body.subarray(pos, pos + size));
    pos += size;
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) throw incomplete();
    pos += 2;
  }
  const trailers = createDict<string>();
  while (pos < body.length) {
    const line = readLine();
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) setOwn(trailers, line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    data.set(p, offset);
    offset += p.length;
  }
  return { data, trailers, chunkSignatures };
}
