/**
 * Which bucket and key a URL names (S3 User Guide, "Virtual hosting of buckets" and "Methods for
 * accessing a bucket"): virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com/<key>`, path style
 * `https://s3.<region>.amazonaws.com/<bucket>/<key>`, and the legacy forms `s3.amazonaws.com`
 * (us-east-1), `s3-<region>.amazonaws.com`, `s3-external-1.amazonaws.com` and dual-stack hosts.
 * S3 does not normalise the path: the key is the percent-decoded rest of the path, byte for byte.
 */
export interface S3Address {
  style: 'virtual-hosted' | 'path';
  /** Region of the endpoint the request was sent to. */
  region: string;
  /** The endpoint host without the bucket label, e.g. `s3.us-east-1.amazonaws.com`. */
  endpoint: string;
  bucket?: string;
  key?: string;
}

const ENDPOINT =
  /^(?:s3(?:\.dualstack)?(?:[.-](?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d+))?|s3-external-1)\.amazonaws\.com$/;

/** The endpoint part of an S3 host and its region, or undefined when the host is not S3. */
function parseEndpoint(host: string): { endpoint: string; region: string } | undefined {
  const match = ENDPOINT.exec(host);
  if (!match) return undefined;
  return { endpoint: host, region: match.groups?.region ?? 'us-east-1' };
}

export function isS3Host(host: string): boolean {
  return parseS3Host(host) !== undefined;
}

function parseS3Host(host: string): { bucket?: string; endpoint: string; region: string } | undefined {
  const direct = parseEndpoint(host);
  if (direct) return direct;
  // Virtual-hosted: the bucket is everything before the first label that starts a known endpoint.
  for (let dot = host.indexOf('.'); dot > 0; dot = host.indexOf('.', dot + 1)) {
    const rest = parseEndpoint(host.slice(dot + 1));
    if (rest) return { bucket: host.slice(0, dot), ...rest };
  }
  return undefined;
}

function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function parseS3Address(url: URL): S3Address | undefined {
  const host = parseS3Host(url.hostname.toLowerCase());
  if (!host) return undefined;
  const path = url.pathname;
  if (host.bucket !== undefined) {
    const key = path.length > 1 ? decodeKey(path.slice(1)) : undefined;
    return {
      style: 'virtual-hosted',
      region: host.region,
      endpoint: host.endpoint,
      bucket: host.bucket,
      key,
    };
  }
  const rest = path.slice(1);
  if (rest === '') return { style: 'path', region: host.region, endpoint: host.endpoint };
  const slash = rest.indexOf('/');
  const bucket = decodeKey(slash < 0 ? rest : rest.slice(0, slash));
  const rawKey = slash < 0 ? '' : rest.slice(slash + 1);
  return {
    style: 'path',
    region: host.region,
    endpoint: host.endpoint,
    bucket,
    key: rawKey === '' ? undefined : decodeKey(rawKey),
  };
}
