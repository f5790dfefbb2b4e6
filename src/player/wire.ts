/** Plain-data copies of what crossed `cloud.fetch`, so the store and the inspector can keep them. */
export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

function headerList(headers: Headers): [string, string][] {
  const list: [string, string][] = [];
  headers.forEach((value, name) => {
    list.push([name, value]);
  });
  return list.sort(([a], [b]) => a.localeCompare(b));
}

export async function captureRequest(request: Request): Promise<WireRequest> {
  return {
    method: request.method,
    url: request.url,
    headers: headerList(request.headers),
    body: request.body ? await request.clone().text() : '',
  };
}

export async function captureResponse(response: Response): Promise<WireResponse> {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: headerList(response.headers),
    body: await response.clone().text(),
  };
}

/** The id AWS puts on every answer: `x-amzn-RequestId` (JSON/Query) or `x-amz-request-id` (S3). */
export function requestIdOf(response: WireResponse | undefined): string | undefined {
  return response?.headers.find(([name]) => name === 'x-amzn-requestid' || name === 'x-amz-request-id')?.[1];
}
