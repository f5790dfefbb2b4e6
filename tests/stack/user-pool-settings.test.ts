/**
 * User pool and app client settings that decide who signs up and what a client sees: UsernameAttributes (a
 * pool whose users sign up and sign in with their email address, the username itself generated; the test
 * user of "Play against your stack" signs up by address), AliasAttributes,
 * AdminCreateUserConfig, and a client's ReadAttributes / WriteAttributes. Each is exported back.
 */
import { describe, expect, it } from 'vitest';
import { exportStack, importStack } from '../../src/stack/index';
import { playUser } from '../../src/stack/play';
import { importRefusal } from './helpers';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const template = (props: Record<string, unknown>) =>
  JSON.stringify({
    Resources: {
      People: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'people', ...props } },
      Web: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: { Ref: 'People' },
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        },
      },
    },
  });

describe('stack import: UsernameAttributes', () => {
  it('configures the pool, lets the test user sign up and in by address, and exports it again', async () => {
    const r = await importStack(
      template({ UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] }),
      {
        cloud: { now: () => NOW },
      },
    );
    const pool = Object.values(r.state.cognitoIdp.pools)[0];
    expect(pool?.usernameAttributes).toEqual(['email']);
    expect(r.unsupported.some((u) => u.path.includes('UsernameAttributes'))).toBe(false);
    const clientId = Object.keys(pool?.clients ?? {})[0] ?? '';
    const played = await playUser(r.cloud, 'us-east-1', {
      userPoolId: pool?.id ?? '',
      clientId,
      username: 'dana',
      password: 'Dana-Pass-2026',
      email: 'dana@example.com',
    });
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['SignUp', true],
      ['ConfirmSignUp', true],
      ['InitiateAuth', true],
    ]);
    const exported = JSON.parse(exportStack(r.cloud)) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const props = Object.values(exported.Resources).find(
      (x) => x.Type === 'AWS::Cognito::UserPool',
    )?.Properties;
    expect(props?.UsernameAttributes).toEqual(['email']);
  });

  it('configures AliasAttributes, exports them, and refuses a pool that names both kinds', async () => {
    const r = await importStack(template({ AliasAttributes: ['email', 'preferred_username'] }), {
      cloud: { now: () => NOW },
    });
    const pool = Object.values(r.state.cognitoIdp.pools)[0];
    expect(pool?.aliasAttributes).toEqual(['email', 'preferred_username']);
    expect(r.unsupported.some((u) => u.path.includes('AliasAttributes'))).toBe(false);
    const exported = JSON.parse(exportStack(r.cloud)) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const props = Object.values(exported.Resources).find(
      (x) => x.Type === 'AWS::Cognito::UserPool',
    )?.Properties;
    expect(props?.AliasAttributes).toEqual(['email', 'preferred_username']);
    const both = await importRefusal(template({ AliasAttributes: ['email'], UsernameAttributes: ['email'] }));
    expect(both.message).toMatch(
      /^Resources\.People\.Properties: a user pool takes AliasAttributes or UsernameAttributes, not both/,
    );
  });
});

describe('stack import: AdminCreateUserConfig', () => {
  it('refuses the test user’s SignUp when only administrators create users, and exports the setting', async () => {
    const r = await importStack(
      template({
        AdminCreateUserConfig: {
          AllowAdminCreateUserOnly: true,
          InviteMessageTemplate: { EmailSubject: 'Hi' },
        },
      }),
      { cloud: { now: () => NOW } },
    );
    const pool = Object.values(r.state.cognitoIdp.pools)[0];
    expect(pool?.adminCreateUserOnly).toBe(true);
    expect(r.unsupported.map((u) => u.path)).toContain(
      'Resources.People.Properties.AdminCreateUserConfig.InviteMessageTemplate',
    );
    const played = await playUser(r.cloud, 'us-east-1', {
      userPoolId: pool?.id ?? '',
      clientId: Object.keys(pool?.clients ?? {})[0] ?? '',
      username: 'dana',
      password: 'Dana-Pass-2026',
      email: 'dana@example.com',
    });
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([['SignUp', false]]);
    expect(played.calls[0]?.summary).toBe(
      'NotAuthorizedException: SignUp is not permitted for this user pool',
    );
    const exported = JSON.parse(exportStack(r.cloud)) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const props = Object.values(exported.Resources).find(
      (x) => x.Type === 'AWS::Cognito::UserPool',
    )?.Properties;
    expect(props?.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
  });
});

describe('stack import: an app client’s ReadAttributes and WriteAttributes', () => {
  it('configures the client with its lists and exports them', async () => {
    const text = JSON.stringify({
      Resources: {
        People: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'people' } },
        Web: {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: {
            UserPoolId: { Ref: 'People' },
            ReadAttributes: ['email', 'name'],
            WriteAttributes: ['name'],
          },
        },
      },
    });
    const r = await importStack(text, { cloud: { now: () => NOW } });
    const client = Object.values(Object.values(r.state.cognitoIdp.pools)[0]?.clients ?? {})[0];
    expect([client?.readAttributes, client?.writeAttributes]).toEqual([['email', 'name'], ['name']]);
    const exported = JSON.parse(exportStack(r.cloud)) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const props = Object.values(exported.Resources).find(
      (x) => x.Type === 'AWS::Cognito::UserPoolClient',
    )?.Properties;
    expect([props?.ReadAttributes, props?.WriteAttributes]).toEqual([['email', 'name'], ['name']]);
  });
});
