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
  /**
   * The front end's second id, drawn before dispatch when the route has one (ServiceRoute.newExtendedRequestId):
   * S3's `x-amz-id-2` (HostId) and API Gateway's `x-amz-apigw-id`. Error replies carry it too.
   */
  extendedRequestId?: string;
  emit(kind: string, summary: string, detail?: unknown): void;
}

export type ServiceHandler = (request: Request, ctx: RequestContext) => Promise<Response>;

/**
 * One entry of the router: which URLs a service answers, its handler, and the wire protocol whose
 * shape every error the handler throws is answered in (protocol/registry.ts).
 */
export interface ServiceRoute {
  service: string;
  matches(url: URL, world: World): boolean;
  /** Answers the request, or throws: an AwsError becomes the protocol's error reply in `cloud.ts`. */
  handle: ServiceHandler;
  protocol: WireProtocol;
  /** The request id in the service's own format (S3: 16 upper-case characters); default a UUID. */
  newRequestId?(world: World): string;
  /** The front end's extended request id (RequestContext.extendedRequestId), drawn right after the request id. */
  newExtendedRequestId?(world: World): string;
}

export const PROTOCOL_NAMES = [
  'json-1.1',
  'query',
  'rest-xml',
  'rest-json',
  'api-gateway',
  'appsync-graphql',
  'plain-json',
] as const;
export type ProtocolName = (typeof PROTOCOL_NAMES)[number];

export interface FailureContext {
  ctx: RequestContext;
  method: string;
}

export interface WireProtocol {
  name: ProtocolName;
  /** The error a failure that is not an AwsError becomes, in this protocol's (and service's) words. */
  internalError(): AwsError;
  render(error: AwsError, failure: FailureContext): Response;
}
