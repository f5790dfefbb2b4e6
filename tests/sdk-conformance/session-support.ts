/** What the scripted session's parts share: the recording cloud and the SDK client configuration. */
import type { Cloud } from '../../src/sim/index';
import type { Clock, Credentials } from '../pipeline/pipeline-support';
import { createCloudHandler } from '../support/cloud-handler';

export interface Exchange {
  target: string;
  action: string;
  status: number;
  body: string;
  contentType: string;
}

/** A cloud whose every request/response pair is kept for the audit. */
export function recording(cloud: Cloud) {
  const log: Exchange[] = [];
  const fetch = async (request: Request) => {
    const body = request.method === 'POST' ? await request.clone().text() : '';
    const response = await cloud.fetch(request);
    log.push({
      target: request.headers.get('x-amz-target') ?? '',
      action: new URLSearchParams(body).get('Action') ?? '',
      status: response.status,
      body: await response.clone().text(),
      contentType: response.headers.get('content-type') ?? '',
    });
    return response;
  };
  return { log, handler: createCloudHandler({ fetch }) };
}

export const config = (
  handler: ReturnType<typeof createCloudHandler>,
  cloud: Cloud,
  clock: Clock,
  credentials?: Credentials,
) => ({
  region: cloud.demo.region,
  requestHandler: handler,
  credentials: credentials ?? { accessKeyId: 'AKIDUNSIGNEDPLACEHOLDER', secretAccessKey: 'unused' },
  maxAttempts: 1,
  systemClockOffset: clock.now() - Date.now(),
});

export const quiet = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch {
    // errors are part of the audit
  }
};
