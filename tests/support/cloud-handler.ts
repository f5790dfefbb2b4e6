import type { HttpHandler, HttpRequest } from '@smithy/protocol-http';
import { HttpResponse } from '@smithy/protocol-http';
import type { Cloud } from '../../src/sim/index';

/**
 * An AWS SDK v3 request handler that sends every request to `cloud.fetch` instead of the network.
 * It builds the Request the way a browser would: `Host` and `Content-Length` cannot be set by
 * script, so they are dropped and the engine reads the host from the URL and the length from the body.
 */
export function createCloudHandler(cloud: Pick<Cloud, 'fetch'>): HttpHandler {
  return {
    async handle(request: HttpRequest) {
      const query = Object.entries(request.query ?? {})
        .flatMap(([k, v]) =>
          v === null || v === undefined
            ? [encodeURIComponent(k)]
            : (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
        )
        .join('&');
      const port = request.port ? `:${request.port}` : '';
      const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ''}`;
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        const lower = name.toLowerCase();
        if (lower === 'host' || lower === 'content-length') continue;
        headers.set(name, value);
      }
      const body = await toBody(request.body);
      const response = await cloud.fetch(
        new Request(url, { method: request.method, headers, body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body }),
      );
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      return {
        response: new HttpResponse({
          statusCode: response.status,
          reason: response.statusText,
          headers: responseHeaders,
          body: response.body ?? new Uint8Array(),
        }),
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  } as HttpHandler;
}

async function toBody(body: unknown): Promise<BodyInit | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body as BodyInit;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    }
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }
  throw new Error(`cloud handler: unsupported body type ${Object.prototype.toString.call(body)}`);
}

/** Config for an SDK client that talks to `cloud`. Credentials are placeholders for unsigned APIs. */
export function sdkConfig(cloud: Cloud, credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  return {
    region: cloud.demo.region,
    requestHandler: createCloudHandler(cloud),
    credentials: credentials ?? { accessKeyId: 'AKIDUNSIGNEDPLACEHOLDER', secretAccessKey: 'unused' },
    maxAttempts: 1,
  };
}

/** A clock tests can move: `createCloud({ now: clock.now })`, then `clock.advance(ms)`. */
export function createTestClock(start = Date.UTC(2026, 10, 26, 12, 0, 0)) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  };
}
