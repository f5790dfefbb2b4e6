/**
 * Small helpers for the simulated identity providers' web pages and form posts. The pages are
 * minimal real HTML (a form a browser could submit); scripts drive the same endpoints with fetch.
 */
import { escapeXml } from '../../protocol/xml';

export const escapeHtml = escapeXml;

export function htmlResponse(
  status: number,
  title: string,
  body: string,
  headers: Record<string, string> = {},
): Response {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
  return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export function redirect(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 302, headers: { location, ...headers } });
}

/** Query parameters merged with an urlencoded body (body wins), as OAuth endpoints read them. */
export async function readParams(request: Request, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.search);
  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? '';
    if (type.includes('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(await request.text())) params.set(k, v);
    }
  }
  return params;
}

export function hiddenInputs(params: Iterable<[string, string]>): string {
  let out = '';
  for (const [k, v] of params)
    out += `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`;
  return out;
}
