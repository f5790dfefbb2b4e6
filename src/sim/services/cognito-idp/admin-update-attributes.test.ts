import {
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { type AdminWorld, adminWorld, changePool, failure } from './test-admin-world';

const update = (ctx: AdminWorld, UserAttributes: AttributeType[], Username = 'alice') =>
  ctx
    .idp(ctx.role)
    .send(new AdminUpdateUserAttributesCommand({ UserPoolId: ctx.poolId, Username, UserAttributes }));

async function attributesOf(ctx: AdminWorld, Username = 'alice') {
  const out = await ctx.idp(ctx.role).send(new AdminGetUserCommand({ UserPoolId: ctx.poolId, Username }));
  return Object.fromEntries((out.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
}

describe('cognito-idp AdminUpdateUserAttributes', () => {
  it('a new email is unverified and gets a code at the new address; the answer has no delivery list', async () => {
    const ctx = await adminWorld();
    const out = await update(ctx, [{ Name: 'email', Value: 'alice.new@example.com' }]);
    expect(out).not.toHaveProperty('CodeDeliveryDetailsList');
    const attributes = await attributesOf(ctx);
    expect([attributes.email, attributes.email_verified]).toEqual(['alice.new@example.com', 'false']);
    expect(ctx.cloud.demo.userPool.inbox().at(-1)).toMatchObject({
      to: 'alice.new@example.com',
      purpose: 'VERIFY_ATTRIBUTE',
    });
  });

  it('email_verified true in the same request changes the email at once and sends nothing', async () => {
    const ctx = await adminWorld();
    const sent = ctx.cloud.demo.userPool.inbox().length;
    await update(ctx, [
      { Name: 'email_verified', Value: 'true' },
      { Name: 'email', Value: 'alice.new@example.com' },
    ]);
    const attributes = await attributesOf(ctx);
    expect([attributes.email, attributes.email_verified]).toEqual(['alice.new@example.com', 'true']);
    expect(ctx.cloud.demo.userPool.inbox()).toHaveLength(sent);
  });

  it('where the pool verifies before update, the old email stays unless the request marks the new one verified', async () => {
    const ctx = await adminWorld();
    await changePool(ctx, (pool) => {
      pool.attributesRequireVerificationBeforeUpdate = ['email'];
    });
    await update(ctx, [{ Name: 'email', Value: 'held@example.com' }]);
    let attributes = await attributesOf(ctx);
    expect([attributes.email, attributes.email_verified]).toEqual(['alice@example.com', 'true']);
    expect(ctx.cloud.demo.userPool.inbox().at(-1)).toMatchObject({ to: 'held@example.com' });
    await update(ctx, [
      { Name: 'email', Value: 'direct@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ]);
    attributes = await attributesOf(ctx);
    expect([attributes.email, attributes.email_verified]).toEqual(['direct@example.com', 'true']);
  });

  it('a blank value deletes the attribute', async () => {
    const ctx = await adminWorld();
    await update(ctx, [{ Name: 'name', Value: 'Alice Atlas' }]);
    expect((await attributesOf(ctx)).name).toBe('Alice Atlas');
    await update(ctx, [{ Name: 'name', Value: '' }]);
    expect(await attributesOf(ctx)).not.toHaveProperty('name');
  });

  it('refuses sub, unknown attributes, a missing list and a missing user, changing nothing', async () => {
    const ctx = await adminWorld();
    const before = await attributesOf(ctx);
    expect(await failure(update(ctx, [{ Name: 'sub', Value: 'x' }]))).toEqual({
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
      status: 400,
    });
    expect(
      await failure(
        update(ctx, [
          { Name: 'email', Value: 'x@example.com' },
          { Name: 'shoe_size', Value: '9' },
        ]),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message:
        'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.\n',
      status: 400,
    });
    expect(
      await failure(
        ctx
          .idp(ctx.role)
          .send(new AdminUpdateUserAttributesCommand({ UserPoolId: ctx.poolId, Username: 'alice' } as never)),
      ),
    ).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(await failure(update(ctx, [{ Name: 'name', Value: 'N' }], 'nobody'))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
    expect(await attributesOf(ctx)).toEqual(before);
  });
});
