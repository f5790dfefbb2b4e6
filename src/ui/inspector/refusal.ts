import type { TraceEntry } from '../../player/create-player';

/** AWS's answer to a refused step, read the way each protocol writes it. */
export interface Refusal {
  status: number;
  code?: string;
  message?: string;
}

const XML_ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};
const unescapeXml = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e);

/**
 * The status, error code and message of a failed answer: JSON 1.1 (`__type` + `message`), REST-JSON
 * (`x-amzn-ErrorType` + `message`), Query and S3 XML (`<Code>` + `<Message>`), or API Gateway's
 * `{"message": …}`. Undefined for a successful answer or none at all.
 */
export function refusalOf(entry: TraceEntry | undefined): Refusal | undefined {
  const response = entry?.response;
  if (!response || response.status < 400) return undefined;
  const body = response.body;
  try {
    const json = JSON.parse(body) as { __type?: string; message?: string; Message?: string };
    const header = response.headers.find(([n]) => n === 'x-amzn-errortype')?.[1];
    const type = json.__type ?? header;
    return {
      status: response.status,
      code: type?.split('#').pop()?.split(':')[0],
      message: json.message ?? json.Message,
    };
  } catch {
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
    return {
      status: response.status,
      code: code ? unescapeXml(code) : undefined,
      message: message ? unescapeXml(message) : body ? body.slice(0, 300) : undefined,
    };
  }
}
