import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importStack } from './index';
import { playGuest, playUser } from './play';

const text = readFileSync('tests/fixtures/stack/app-stack.yaml', 'utf8');
const now = () => Date.UTC(2026, 10, 26, 12, 0, 0);

describe('flows played against an imported stack', () => {
  it('a guest gets an identity and credentials', async () => {
    const r = await importStack(text, { cloud: { now } });
    const poolId = Object.keys(r.state.cognitoIdentity.pools)[0] as string;
    const played = await playGuest(r.cloud, 'us-east-1', poolId);
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['GetId', true],
      ['GetCredentialsForIdentity', true],
    ]);
    expect(played.identityId).toMatch(/^us-east-1:/);
    expect(played.accessKeyId).toMatch(/^ASIA/);
  });
  it('a test user signs up, confirms, signs in and gets credentials; a weak password gets AWS’s refusal', async () => {
    const r = await importStack(text, { cloud: { now } });
    const userPoolId = Object.keys(r.state.cognitoIdp.pools)[0] as string;
    const clientId = Object.keys(r.state.cognitoIdp.pools[userPoolId]?.clients ?? {})[0] as string;
    const identityPoolId = Object.keys(r.state.cognitoIdentity.pools)[0] as string;
    const user = { userPoolId, clientId, username: 'dana', email: 'dana@example.com', identityPoolId };
    const played = await playUser(r.cloud, 'us-east-1', { ...user, password: 'danapass' });
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['SignUp', true],
      ['ConfirmSignUp', true],
      ['InitiateAuth', true],
      ['GetId', true],
      ['GetCredentialsForIdentity', true],
    ]);
    // The pool asks for 6 characters and lower case only (the template's policy).
    const weak = await playUser(r.cloud, 'us-east-1', { ...user, username: 'erin', password: 'ABCDEFG' });
    expect(weak.calls[0]).toMatchObject({ operation: 'SignUp', ok: false });
    expect(weak.calls[0]?.summary).toBe(
      'InvalidPasswordException: Password did not conform with policy: Password must have lowercase characters',
    );
  });
});
