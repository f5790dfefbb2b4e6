import { CognitoIdentityClient, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { sdkConfig } from '../../../../tests/support/cloud-handler';
import type { Cloud } from '../../index';
import { createKeyRing } from '../../tokens/keys';
import { asCreds, sdkError, stsWorld } from './test-support';

async function googleToken(cloud: Cloud) {
  const carol = cloud.demo.google.users[0]!;
  return cloud.demo.google.signIn(carol.username, carol.password);
}

/** A token signed with the demo Google key but with claims chosen by the test. */
async function forgedGoogleToken(cloud: Cloud, nowMs: number, claims: Record<string, unknown>) {
  const keys = await createKeyRing('demo', cloud.demo.region);
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({
    iss: 'https://accounts.google.com',
    sub: '1234567890',
    iat,
    exp: iat + 3600,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: keys.google.kid })
    .sign(keys.google.privateKey);
}

async function guestOpenIdToken(cloud: Cloud) {
  const identity = new CognitoIdentityClient(sdkConfig(cloud));
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: cloud.demo.classicIdentityPool.id }),
  );
  const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
  return { identityId: IdentityId as string, token: Token as string };
}

describe('sts AssumeRoleWithWebIdentity', () => {
  it('exchanges a Google ID token, unsigned, for role credentials', async () => {
    const { cloud, clock, sts } = await stsWorld();
    const token = await googleToken(cloud);
    const claims = decodeJwt(token);
    const out = await sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.webIdentityRoleArn,
        RoleSessionName: 'carol',
        WebIdentityToken: token,
      }),
    );
    const roleId = JSON.parse(cloud.snapshot().state).iam.roles.AtlasWebIdentityRole.roleId;
    expect({
      SubjectFromWebIdentityToken: out.SubjectFromWebIdentityToken,
      Provider: out.Provider,
      Audience: out.Audience,
      AssumedRoleUser: out.AssumedRoleUser,
      PackedPolicySize: out.PackedPolicySize,
    }).toEqual({
      SubjectFromWebIdentityToken: claims.sub,
      Provider: 'accounts.google.com',
      Audience: cloud.demo.google.clientId,
      AssumedRoleUser: {
        AssumedRoleId: `${roleId}:carol`,
        Arn: `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasWebIdentityRole/carol`,
      },
      PackedPolicySize: undefined,
    });
    expect(out.Credentials?.Expiration?.getTime()).toBe(clock.now() + 3600_000);
    const me = await sts(asCreds(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(out.AssumedRoleUser?.Arn);
  });

  it('refuses an expired token with ExpiredTokenException', async () => {
    const { cloud, clock, sts } = await stsWorld();
    const token = await googleToken(cloud);
    const exp = decodeJwt(token).exp as number;
    clock.advance(2 * 3600_000);
    const err = await sdkError(() =>
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: cloud.demo.webIdentityRoleArn,
          RoleSessionName: 'carol',
          WebIdentityToken: token,
        }),
      ),
    );
    expect(err).toEqual({
      name: 'ExpiredTokenException',
      status: 400,
      message: `Token expired: current date/time ${Math.floor(clock.now() / 1000)} must be before the expiration date/time ${exp}`,
    });
  });

  it('refuses a token for another client id (AccessDenied by the trust policy), a garbage token and a tampered signature (InvalidIdentityToken)', async () => {
    const { cloud, clock, sts } = await stsWorld();
    const send = (token: string) =>
      sdkError(() =>
        sts().send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: cloud.demo.webIdentityRoleArn,
            RoleSessionName: 'carol',
            WebIdentityToken: token,
          }),
        ),
      );
    // Google is built into STS (no IAM OIDC provider in the account): a token for another app's
    // client id is valid, and the role's trust policy (accounts.google.com:aud) is what refuses it.
    const otherClient = await forgedGoogleToken(cloud, clock.now(), {
      aud: 'someone-else.apps.googleusercontent.com',
    });
    expect(await send(otherClient)).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
    expect((await send('not-a-jwt')).message).toBe(
      'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    );
    const good = await googleToken(cloud);
    const [h, p, s] = good.split('.') as [string, string, string];
    const tampered = `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await send(tampered)).toEqual({
      name: 'InvalidIdentityTokenException',
      status: 400,
      message:
        'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
    });
  });

  it('checks the audience against the client ids of an IAM OIDC provider the account registered for Google', async () => {
    const { cloud, clock, sts } = await stsWorld({
      edit: (state) => {
        const arn = 'arn:aws:iam::123456789012:oidc-provider/accounts.google.com';
        state.iam.oidcProviders[arn] = {
          url: 'accounts.google.com',
          arn,
          clientIds: ['registered.apps.googleusercontent.com'],
          thumbprints: [],
          createDate: 0,
        };
      },
    });
    const err = await sdkError(async () =>
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: cloud.demo.webIdentityRoleArn,
          RoleSessionName: 'carol',
          WebIdentityToken: await forgedGoogleToken(cloud, clock.now(), { aud: cloud.demo.google.clientId }),
        }),
      ),
    );
    expect(err).toEqual({
      name: 'InvalidIdentityTokenException',
      status: 400,
      message: 'Incorrect token audience',
    });
  });

  it('refuses a role whose trust policy does not trust the provider', async () => {
    const { cloud, sts } = await stsWorld();
    const err = await sdkError(async () =>
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: cloud.demo.saml.roleArn,
          RoleSessionName: 'carol',
          WebIdentityToken: await googleToken(cloud),
        }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });

  it('refuses DurationSeconds above the role maximum', async () => {
    const { cloud, sts } = await stsWorld();
    const err = await sdkError(async () =>
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: cloud.demo.webIdentityRoleArn,
          RoleSessionName: 'carol',
          WebIdentityToken: await googleToken(cloud),
          DurationSeconds: 7200,
        }),
      ),
    );
    expect(err.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  });

  it('basic flow: a guest OpenID token assumes the guest role, not the authenticated one, but the legacy role without an aud condition', async () => {
    const { cloud, sts } = await stsWorld();
    const { identityId, token } = await guestOpenIdToken(cloud);
    const guest = await sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.classicIdentityPool.unauthenticatedRoleArn,
        RoleSessionName: 'guest',
        WebIdentityToken: token,
      }),
    );
    expect({
      Provider: guest.Provider,
      Audience: guest.Audience,
      Subject: guest.SubjectFromWebIdentityToken,
    }).toEqual({
      Provider: 'cognito-identity.amazonaws.com',
      Audience: cloud.demo.classicIdentityPool.id,
      Subject: identityId,
    });
    const refused = await sdkError(() =>
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: cloud.demo.classicIdentityPool.authenticatedRoleArn,
          RoleSessionName: 'guest',
          WebIdentityToken: token,
        }),
      ),
    );
    expect(refused.name).toBe('AccessDenied');
    const legacy = await sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.iam!.legacyRoleArn,
        RoleSessionName: 'guest',
        WebIdentityToken: token,
      }),
    );
    expect(legacy.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasLegacyRole/guest`,
    );
  });

  it('records the trust policy decision in the trace', async () => {
    const { cloud, sts, events } = await stsWorld();
    await sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.webIdentityRoleArn,
        RoleSessionName: 'carol',
        WebIdentityToken: await googleToken(cloud),
      }),
    );
    const decision = events.find((e) => e.kind === 'iam.decision');
    expect(decision?.summary).toBe(
      `Allow: sts:AssumeRoleWithWebIdentity on ${cloud.demo.webIdentityRoleArn}`,
    );
  });
});
