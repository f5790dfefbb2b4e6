import type { Cloud } from '../sim/index';
import { signRequest } from '../sim/signer';
import { jsonRequest, s3Request } from '../wire/aws-requests';
import type { AccessMatrix } from './matrix';
import { type PlayResult, touch } from './play';
import { nodeIdOf } from './pipeline-ids';

/**
 * After a played flow got credentials, one SigV4-signed call with them to a resource the stack's
 * policies name, so the reader sees the resource's own answer (the object, or AccessDenied with the
 * IAM evaluation behind it). The call is chosen from the access matrix's columns: a write to the
 * caller's own per-identity prefix first (the case identity pools are built for), then a read of it,
 * then any object read, then an SSM parameter.
 */
export interface ResourceCall {
  action: string;
  /** The column's resource with the caller's identity id in place of `{self}`. */
  resource: string;
}

const PREFERENCE: ((id: string, action: string) => boolean)[] = [
  (id, a) => a === 's3:PutObject' && id.includes('{self}'),
  (id, a) => a === 's3:GetObject' && id.includes('{self}'),
  (id, a) => a === 's3:GetObject' && !id.includes('{other}') && !id.includes('${'),
  (_, a) => a === 'ssm:GetParameter',
];

export function chooseResourceCall(matrix: AccessMatrix, identityId: string): ResourceCall | undefined {
  for (const wanted of PREFERENCE) {
    const column = matrix.actions.find((c) => wanted(c.id, c.action));
    if (!column) continue;
    const resource = column.id.slice(column.action.length + 1).replaceAll('{self}', identityId);
    return { action: column.action, resource };
  }
  return undefined;
}

/** Makes the call with `out.credentials`; records it in `out` (call, boxes). */
export async function playResourceCall(
  cloud: Cloud,
  region: string,
  now: number,
  matrix: AccessMatrix,
  out: PlayResult,
): Promise<void> {
  if (!out.credentials || !out.identityId) return;
  const chosen = chooseResourceCall(matrix, out.identityId);
  if (!chosen) {
    out.note = 'The stack names no S3 object or SSM parameter the simulator can call.';
    return;
  }
  const s3 = /^arn:aws:s3:::([^/]+)\/(.+)$/.exec(chosen.resource);
  let request: Request;
  let service: string;
  let label: string;
  if (s3) {
    const [, bucket = '', key = ''] = s3;
    const put = chosen.action === 's3:PutObject';
    request = await s3Request(
      region,
      bucket,
      key,
      put ? 'PUT' : 'GET',
      put ? 'played from Your stack\n' : undefined,
    );
    service = 's3';
    label = `${put ? 'PutObject' : 'GetObject'} s3://${bucket}/${key}`;
    touch(out, nodeIdOf.resource('s3', bucket));
  } else {
    const name = chosen.resource.replace(/^arn:aws:ssm:[^:]*:\d*:parameter/, '');
    request = jsonRequest(region, 'ssm', 'GetParameter', { Name: name });
    service = 'ssm';
    label = `GetParameter ${name}`;
    touch(out, nodeIdOf.resource('ssm', name));
  }
  const signed = await signRequest(request, out.credentials, { service, region, now });
  const response = await cloud.fetch(signed);
  const text = await response.text();
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? /"__type":"(?:[^"#]*#)?([^"]+)"/.exec(text)?.[1];
  out.calls.push({
    operation: label,
    ok: response.ok,
    summary: response.ok ? `HTTP ${response.status}` : `HTTP ${response.status} ${code ?? ''}`.trim(),
  });
}
