import type { S3RequestIds } from '../protocol/rest-xml';
import type { World } from '../world';
import type { AwsError } from './errors';

/**
 * What a service handler gets besides the Request: the world it acts on, the id AWS will return for
 * this request, and an emitter for explanation events tagged with that id.
 */
export interface RequestContext {
  world: World;
  requestId: string;
  /** Host prefix of the service handling the request (`cognito-idp`, `sts`, `s3` …). */
  service: string;
  emit(kind: string, summary: string, detail?: unknown): void;
}

export type ServiceHandler = (request: Request, ctx: RequestContext) => Promise<Response>;

/** One entry of the router: which URLs a service answers, and its handler. */
export interface ServiceRoute {
  service: string;
  matches(url: URL, world: World): boolean;
  handle: ServiceHandler;
  /** The wire protocol the service speaks, whose shape every failure is answered in (protocol/registry.ts). */
  protocol?: WireProtocol;
  /** The request id in the service's own format (S3: 16 upper-case characters); default a UUID. */
  newRequestId?(world: World): string;
}

export const PROTOCOL_NAMES = ['json-1.1', 'query', 'rest-xml', 'rest-json', 'plain-json'] as const;
export type ProtocolName = (typeof PROTOCOL_NAMES)[number];

export interface FailureContext {
  ctx: RequestContext;
  method: string;
  /** S3 only: the ids the request was already given (its HostId is drawn before dispatch). */
  s3Ids?: S3RequestIds;
  /** Headers to add to the error reply (S3's `x-amz-bucket-region` on a redirect). */
  extraHeaders?: Record<string, string>;
}

export interface WireProtocol {
  name: ProtocolName;
  /** The error a failure that is not an AwsError becomes, in this protocol's (and service's) words. */
  internalError(): AwsError;
  render(error: AwsError, failure: FailureContext): Response;
}



