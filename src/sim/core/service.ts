import type { World } from '../world';

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
  /** The request id in the service's own format (S3: 16 upper-case characters); default a UUID. */
  newRequestId?(world: World): string;
}
