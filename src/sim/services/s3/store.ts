import { createDict, setOwn } from '../../core/dict';
import type { World } from '../../world';
import { toBase64, utf8 } from './bytes';
import { computeChecksum } from './checksums';
import { etagOf } from './md5';
import type { S3Bucket } from './state';

/** Creates a bucket owned by the world's account in the world's region (for seeds and tests). */
export function createBucket(world: World, name: string): S3Bucket {
  const bucket: S3Bucket = {
    name,
    region: world.region,
    ownerAccountId: world.accountId,
    creationDate: world.now(),
    objects: createDict(),
  };
  setOwn(world.state.s3.buckets, name, bucket);
  return bucket;
}

/** Stores an object as PutObject would without a client checksum (S3 adds CRC64NVME). */
export async function seedObject(
  world: World,
  bucket: S3Bucket,
  key: string,
  text: string,
  contentType = 'text/plain',
): Promise<void> {
  const data = utf8(text);
  setOwn(bucket.objects, key, {
    body: toBase64(data),
    size: data.length,
    etag: etagOf(data),
    contentType,
    lastModified: world.now(),
    metadata: createDict<string>(),
    headers: createDict<string>(),
    checksum: { algorithm: 'CRC64NVME', value: await computeChecksum('CRC64NVME', data) },
  });
}
