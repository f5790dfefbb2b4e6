/**
 * Hostile JSON 1.1 envelopes (cognito-idp, cognito-identity): a missing or foreign target, malformed
 * JSON, a wrong content type, an oversized body, a missing required parameter, a prototype-polluting
 * Logins map. Every refusal is AWS's own error in the protocol's shape, and changes nothing.
 * (Moved out of requests.test.ts, which keeps STS over Query and SigV4.)
 */
import { describe, expect, it } from 'vitest';
import {
  changedPaths,
  hostileCloud,
  identity,
  idp,
  idpHost,
  json11,
  jsonError,
  stateOf,
} from './hostile-support';

describe('hostile JSON 1.1 envelopes (cognito-idp, cognito-identity)', () => {
  it('answers a missing, unknown or foreign X-Amz-Target with UnknownOperationException', async () => {
    const { cloud } = await hostileCloud();
    const before = stateOf(cloud);
    for (const target of [
      undefined,
      'AWSCognitoIdentityProviderService.DropAllTables',
      'AWSCognitoIdentityService.GetId',
      '__proto__',
      'AWSCognitoIdentityProviderService.constructor',
    ]) {
      const r = await json11(cloud, idpHost(cloud), target, {});
      expect({ target, status: r.status, type: r.json?.__type }).toEqual({
        target,
        status: 400,
        type: 'UnknownOperationException',
      });
    }
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('answers malformed JSON, a JSON array and a wrong content type with SerializationException', async () => {
    const { cloud } = await hostileCloud();
    const before = stateOf(cloud);
    const target = 'AWSCognitoIdentityProviderService.InitiateAuth';
    const cases: [string, string, Record<string, string>][] = [
      ['truncated JSON', '{"AuthFlow": "USER_PASSWORD_AUTH",', {}],
      ['a JSON array', '[1,2,3]', {}],
      ['text/plain', '{}', { 'content-type': 'text/plain' }],
      [
        'form encoding',
        'AuthFlow=USER_PASSWORD_AUTH',
        { 'content-type': 'application/x-www-form-urlencoded' },
      ],
    ];
    for (const [name, body, headers] of cases) {
      const r = await json11(cloud, idpHost(cloud), target, body, headers);
      expect({ name, status: r.status, type: r.json?.__type }).toEqual({
        name,
        status: 400,
        type: 'SerializationException',
      });
    }
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses an oversized body before parsing it', async () => {
    const { cloud } = await hostileCloud();
    const before = stateOf(cloud);
    const r = await json11(
      cloud,
      idpHost(cloud),
      'AWSCognitoIdentityProviderService.SignUp',
      JSON.stringify({ pad: 'x'.repeat(2_000_000) }),
    );
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.json?.__type).toBe('SerializationException');
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('names the missing required parameter, AWS validation style', async () => {
    const { cloud } = await hostileCloud();
    const before = stateOf(cloud);
    const noClient = await idp(cloud, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH' });
    expect(jsonError(noClient)).toMatchObject({ status: 400, type: 'InvalidParameterException' });
    expect(String(noClient.json?.message)).toMatch(/clientId/i);
    const noPool = await identity(cloud, 'GetId', {});
    expect(jsonError(noPool)).toMatchObject({ status: 400 });
    expect(String(noPool.json?.message)).toMatch(/identityPoolId/i);
    const wrongType = await idp(cloud, 'InitiateAuth', {
      AuthFlow: 42,
      ClientId: cloud.demo.userPool.clientId,
    });
    expect(wrongType.status).toBe(400);
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('treats a prototype-polluting Logins map as just another unknown provider', async () => {
    const { cloud } = await hostileCloud();
    const before = stateOf(cloud);
    const r = await json11(
      cloud,
      `https://cognito-identity.${cloud.demo.region}.amazonaws.com/`,
      'AWSCognitoIdentityService.GetId',
      `{"IdentityPoolId":"${cloud.demo.identityPool.id}","Logins":{"__proto__":{"polluted":true}}}`,
    );
    expect(r.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });
});
