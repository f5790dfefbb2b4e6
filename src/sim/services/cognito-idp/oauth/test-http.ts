/**
 * Shared by the hosted-domain OAuth tests (federation.test.ts, endpoints.test.ts): the demo client's
 * callback, an RFC 7636 PKCE pair, a form POST as an OIDC library sends it, and a redirect's target.
 */
import { expect } from 'vitest';

export const APP = 'https://app.identity-atlas.test/callback';
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
/** RFC 7636 appendix B: the S256 challenge of the verifier above. */
export const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

export const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

/** The URL a 302 sends the browser to (the status is asserted). */
export const location = (res: Response) => {
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
};
