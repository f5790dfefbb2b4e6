/**
 * Generated hostile names at the OAuth endpoints (the hosted domain and the simulated Google), sent
 * with raw `cloud.fetch`. Same oracle as prototype-names.property.test.ts: the answer for a control
 * name of the same shape, never a 500, never success, state unchanged.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { hostileCloud } from './hostile-support';
import { anyName, placeChecks, viaFetch } from './prototype-names-support';

let cloud: Cloud;
const counts: Record<string, number> = {};

beforeAll(async () => {
  cloud = (await hostileCloud()).cloud;
});

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.info(
    `prototype-names (OAuth): ${total} generated names over ${Object.keys(counts).length} places`,
    counts,
  );
});

const { refuses } = placeChecks(() => cloud, counts);

describe('OAuth endpoints (hosted domain, Google)', () => {
  const hosted = () => new URL(cloud.demo.userPool.domain);
  refuses('hosted domain /oauth2/authorize client_id', anyName, (name) =>
    viaFetch(cloud, () => {
      const url = new URL('/oauth2/authorize', hosted());
      url.searchParams.set('client_id', name);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('redirect_uri', 'https://app.example/callback');
      return new Request(url);
    }),
  );
  refuses('hosted domain /oauth2/token client_id', anyName, (name) =>
    viaFetch(
      cloud,
      () =>
        new Request(new URL('/oauth2/token', hosted()), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: name,
            code: 'x',
            redirect_uri: 'https://a/b',
          }),
        }),
    ),
  );
  refuses('hosted domain /oauth2/token code', anyName, (name) =>
    viaFetch(
      cloud,
      () =>
        new Request(new URL('/oauth2/token', hosted()), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: cloud.demo.userPool.clientId,
            code: name,
            redirect_uri: 'https://a/b',
          }),
        }),
    ),
  );
  refuses('Google authorize client_id', anyName, (name) =>
    viaFetch(cloud, () => {
      const url = new URL('https://accounts.google.com/o/oauth2/v2/auth');
      url.searchParams.set('client_id', name);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('redirect_uri', 'https://a/b');
      return new Request(url);
    }),
  );
  refuses('Google token client_id and code', anyName, (name) =>
    viaFetch(
      cloud,
      () =>
        new Request('https://oauth2.googleapis.com/token', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: name,
            client_secret: 's',
            code: name,
            redirect_uri: 'https://a/b',
          }),
        }),
    ),
  );
});
