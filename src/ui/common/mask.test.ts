import { describe, expect, it } from 'vitest';
import { maskCanonicalRequest } from './mask';

const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEsessiontokenvalue0123456789';

describe('maskCanonicalRequest', () => {
  const canonical = [
    'GET',
    '/public/welcome.txt',
    `X-Amz-Credential=ASIAEXAMPLE%2F20260115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=${TOKEN}`,
    'host:atlas-demo.s3.us-east-1.amazonaws.com',
    `x-amz-security-token:${TOKEN}`,
    '',
    'host;x-amz-security-token',
    'UNSIGNED-PAYLOAD',
  ].join('\n');

  it('hides the session token in the header line and in a presigned query, and nothing else', () => {
    const masked = maskCanonicalRequest(canonical, false);
    expect(masked).not.toContain(TOKEN);
    expect(masked).toContain(`x-amz-security-token:IQoJb3…(${TOKEN.length} chars, hidden)`);
    expect(masked).toContain(`X-Amz-Security-Token=IQoJb3…(${TOKEN.length} chars, hidden)`);
    // The signed-headers line names the header; it is not a value and stays as it is.
    expect(masked).toContain('host;x-amz-security-token');
    expect(masked).toContain('X-Amz-Credential=ASIAEXAMPLE%2F20260115');
  });

  it('shows everything when the reader reveals secrets', () => {
    expect(maskCanonicalRequest(canonical, true)).toBe(canonical);
  });
});
