import { UPPER_ALPHANUMERIC } from '../../core/random';
import type { ServiceRoute } from '../../core/service';
import { isS3Host } from './addressing';
import { toBase64 } from './bytes';
import { handleS3 } from './handler';
import { restXmlProtocol } from '../../protocol/registry';

/** S3 at its regional, legacy global and dual-stack hosts, path style and virtual-hosted. */
export const s3Route: ServiceRoute = {
  service: 's3',
  protocol: restXmlProtocol,
  matches: (url) => isS3Host(url.hostname.toLowerCase()),
  handle: handleS3,
  // S3 request ids are 16 upper-case characters (e.g. DMQ0JBGWMA82PDQ9), not UUIDs.
  newRequestId: (world) => world.random.string(16, UPPER_ALPHANUMERIC),
  // `x-amz-id-2`, S3's extended request id (the error document's HostId): base64 of opaque bytes.
  newExtendedRequestId: (world) => toBase64(world.random.bytes(57)),
};
