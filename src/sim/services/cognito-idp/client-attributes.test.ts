import {
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../demo/user-pool';
import { type AdminWorld, adminWorld, changePool, failure } from './test-admin-world';
import { decodeJwt } from './test-setup';

/** The demo cloud with its main app client's ReadAttributes / WriteAttributes set. */
async function withClientLists(lists: { readAttributes?: string[]; writeAttributes?: string[] }) {
  const ctx = await adminWorld();
  await changePool(ctx, (pool) => {
    const clients = pool.clients as Record<string, Record<string, unknown>>;
    Object.assign(clients[ctx.cloud.demo.userPool.clientId] ?? {}, lists);
  });
  return ctx;
}

async function aliceTokens(ctx: AdminWorld, clientId = ctx.cloud.demo.userPool.clientId) {
  const out = await ctx.idp().send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD: DEMO_USERS.alice.password },
    }),
  );
  return { id: out.AuthenticationResult?.IdToken ?? '', access: out.AuthenticationResult?.AccessToken ?? '' };
}

const UNAUTHORIZED_WRITE = {
  name: 'NotAuthorizedException',
  message: 'A client attempted to write unauthorized attribute',
  status: 400,
};

describe("an app client's ReadAttributes and WriteAttributes", () => {
  it('shows the client only the attributes it may read, in the ID token and in GetUser', async () => {
    const ctx = await withClientLists({ readAttributes: ['email'] });
    const { id, access } = await aliceTokens(ctx);
    const claims = decodeJwt(id).payload;
    expect(claims.email).toBe('alice@example.com');
    expect(claims.sub).toBeTypeOf('string');
    expect(claims.name).toBeUndefined();
    expect(claims.email_verified).toBeUndefined();
    const got = await ctx.idp().send(new GetUserCommand({ AccessToken: access }));
    expect(got.UserAttributes?.map((a) => a.Name)).toEqual(['sub', 'email']);
  });

  it('refuses to write an attribute outside WriteAttributes, at sign-up and in an update, changing nothing', async () => {
    // The demo pool requires email: a client may always write it, listed or not.
    const ctx = await withClientLists({ writeAttributes: ['given_name'] });
    const { access } = await aliceTokens(ctx);
    const update = (Name: string, Value: string) =>
      ctx
        .idp()
        .send(new UpdateUserAttributesCommand({ AccessToken: access, UserAttributes: [{ Name, Value }] }));
    expect(await failure(update('name', 'Alice A.'))).toEqual(UNAUTHORIZED_WRITE);
    const got = await ctx.idp().send(new GetUserCommand({ AccessToken: access }));
    expect(got.UserAttributes).toContainEqual({ Name: 'name', Value: DEMO_USERS.alice.name });
    await expect(update('email', 'alice.new@example.com')).resolves.toBeDefined();
    await expect(update('given_name', 'Alice')).resolves.toBeDefined();
    const signUp = ctx.idp().send(
      new SignUpCommand({
        ClientId: ctx.cloud.demo.userPool.clientId,
        Username: 'zoe',
        Password: 'Sunny-Day-42',
        UserAttributes: [
          { Name: 'email', Value: 'zoe@example.com' },
          { Name: 'name', Value: 'Zoe' },
        ],
      }),
    );
    expect(await failure(signUp)).toEqual(UNAUTHORIZED_WRITE);
    expect(ctx.cloud.demo.userPool.inbox().filter((m) => m.username === 'zoe')).toEqual([]);
  });

  it('without lists lets a client read and write the standard attributes only, no custom one', async () => {
    // atlas-other-app names no lists; atlas-web names custom:department in both (demo/user-pool.ts).
    const ctx = await adminWorld();
    const other = await aliceTokens(ctx, ctx.cloud.demo.userPool.otherClientId);
    const claims = decodeJwt(other.id).payload;
    expect(claims).toMatchObject({
      email: 'alice@example.com',
      email_verified: true,
      name: DEMO_USERS.alice.name,
    });
    expect(claims['custom:department']).toBeUndefined();
    const names = async (access: string) =>
      (await ctx.idp().send(new GetUserCommand({ AccessToken: access }))).UserAttributes?.map((a) => a.Name);
    expect(await names(other.access)).toContain('email_verified');
    expect(await names(other.access)).not.toContain('custom:department');

    const update = (Name: string, Value: string) =>
      ctx
        .idp()
        .send(
          new UpdateUserAttributesCommand({ AccessToken: other.access, UserAttributes: [{ Name, Value }] }),
        );
    expect(await failure(update('custom:department', 'sales'))).toEqual(UNAUTHORIZED_WRITE);
    await expect(update('given_name', 'Alice')).resolves.toBeDefined();
    const web = await aliceTokens(ctx);
    expect(decodeJwt(web.id).payload).toMatchObject({ 'custom:department': 'platform', given_name: 'Alice' });

    const signUp = (ClientId: string, Username: string) =>
      ctx.idp().send(
        new SignUpCommand({
          ClientId,
          Username,
          Password: 'Sunny-Day-42',
          UserAttributes: [
            { Name: 'email', Value: `${Username}@example.com` },
            { Name: 'custom:department', Value: 'research' },
          ],
        }),
      );
    expect(await failure(signUp(ctx.cloud.demo.userPool.otherClientId, 'zoe'))).toEqual(UNAUTHORIZED_WRITE);
    expect(ctx.cloud.demo.userPool.inbox().filter((m) => m.username === 'zoe')).toEqual([]);
    await expect(signUp(ctx.cloud.demo.userPool.clientId, 'yan')).resolves.toMatchObject({
      UserConfirmed: false,
    });
  });
});
