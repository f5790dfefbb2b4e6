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

/**
 * The headers as name/value pairs, by name. Header names are lowercase ASCII (Headers normalises them), so
 * comparing code units orders them as a reader expects. Not `localeCompare`: its first call in a page
 * sets up ICU's collator, 10–16 ms measured in Chromium, which fell inside the first step a reader plays.
 */
function headerList(headers: Headers): [string, string][] {
  const list: [string, string][] = [];
  headers.forEach((value, name) => {
    list.push([name, value]);
  });
  return list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
