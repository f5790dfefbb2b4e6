import { describe, expect, it } from 'vitest';
import { captureRequest, captureResponse, requestIdOf } from './wire';

describe('wire copies: what crossed cloud.fetch, kept as plain data for the inspector', () => {
  it('a request keeps its method, URL and body, with its headers lowercased and ordered by name', async () => {
    const request = new Request('https://cognito-idp.us-east-1.amazonaws.com/', {
      method: 'POST',
      headers: {
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
        'Content-Type': 'application/x-amz-json-1.1',
        'x-amz-date': '20260115T090000Z',
        Authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20260115/us-east-1/cognito-idp/aws4_request',
        'X-Amz-Content-Sha256': 'e3b0c442',
      },
      body: '{"AuthFlow":"USER_PASSWORD_AUTH"}',
    });
    const wire = await captureRequest(request);
    expect(wire.method).toBe('POST');
    expect(wire.url).toBe('https://cognito-idp.us-east-1.amazonaws.com/');
    expect(wire.body).toBe('{"AuthFlow":"USER_PASSWORD_AUTH"}');
    expect(wire.headers.map(([name]) => name)).toEqual([
      'authorization',
      'content-type',
      'x-amz-content-sha256',
      'x-amz-date',
      'x-amz-target',
    ]);
    // The copy leaves the request readable: the engine still gets its body.
    expect(await request.text()).toBe('{"AuthFlow":"USER_PASSWORD_AUTH"}');
  });

  it('a request without a body is copied with an empty body', async () => {
    const wire = await captureRequest(new Request('https://s3.amazonaws.com/bucket/key', { method: 'GET' }));
    expect(wire.body).toBe('');
    expect(wire.headers).toEqual([]);
  });

  it('an answer keeps status, text and body, and its request id is found whatever the protocol', async () => {
    const json = await captureResponse(
      new Response('{"__type":"NotAuthorizedException"}', {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'x-amzn-RequestId': 'abc-123', 'Content-Type': 'application/x-amz-json-1.1' },
      }),
    );
    expect(json.status).toBe(400);
    expect(json.statusText).toBe('Bad Request');
    expect(json.body).toBe('{"__type":"NotAuthorizedException"}');
    expect(json.headers).toEqual([
      ['content-type', 'application/x-amz-json-1.1'],
      ['x-amzn-requestid', 'abc-123'],
    ]);
    expect(requestIdOf(json)).toBe('abc-123');

    const s3 = await captureResponse(
      new Response('', { status: 200, headers: { 'x-amz-request-id': 'S3ID' } }),
    );
    expect(requestIdOf(s3)).toBe('S3ID');
    expect(requestIdOf(undefined)).toBeUndefined();
  });
});
