import { createDict } from '../../core/dict';
import type { PolicyDocument } from '../../iam/types';
import type { ChecksumAlgorithm } from './checksums';

/**
 * Plain, JSON-serialisable state of the simulated S3 service: buckets with their bucket policy and
 * objects. Bodies are base64 so that `JSON.stringify(world.state)` is a complete snapshot.
 */
export interface S3State {
  buckets: Record<string, S3Bucket>;
}

export interface S3Bucket {
  name: string;
  region: string;
  ownerAccountId: string;
  /** Epoch ms. */
  creationDate: number;
  /** The bucket policy (a resource-based policy), if one is set. */
  policy?: PolicyDocument;
  objects: Record<string, S3Object>;
}

export interface S3Object {
  /** Base64 of the object's bytes. */
  body: string;
  size: number;
  /** Quoted MD5 hex, as S3 returns it. */
  etag: string;
  contentType: string;
  /** Epoch ms from world.now() at upload. */
  lastModified: number;
  /** User metadata from `x-amz-meta-*` headers, names lower-cased without the prefix. */
  metadata: Record<string, string>;
  /** Representation headers stored and returned as sent (Cache-Control, Content-Disposition …). */
  headers: Record<string, string>;
  /** The full-object checksum S3 stored: the one the client sent, or CRC64NVME computed by S3. */
  checksum: { algorithm: ChecksumAlgorithm; value: string };
}

export function createS3State(): S3State {
  return { buckets: createDict() };
}
