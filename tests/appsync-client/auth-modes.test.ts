import { describe, expect, it } from 'vitest';
import { iamAuth, userPoolAuth } from '../../src/appsync-client/auth';
import { apiKeyDevice, device, googleIamDevice, serverItems, settle, userPoolDevice, world } from './support';

describe('appsync client: authorisation modes', () => {
  it('IAM: a Google user signs with identity pool credentials; the item is owned by the Cognito identity id', async () => {
    const w = await world();
    const carol = await googleIamDevice(w, 'carol-tablet');
    const alice = await userPoolDevice(w, 0, 'alice-laptop');
    await carol.client.start();
    await alice.client.start();
    expect(carol.client.getStatus().connection).toBe('open');
    const id = await carol.client.create({ text: 'from carol' });
    await settle(carol.client, alice.client);
    const identityId = await carol.identityId();
    expect(identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(carol.client.items()[0]).toMatchObject({ id, owner: identityId, _version: 1 });
    expect(alice.client.items()[0]).toMatchObject({ id, owner: identityId });
    // Alice's update reaches carol over carol's SigV4-authorised subscription.
    await alice.client.update(id, { text: 'edited by alice' });
    await settle(carol.client, alice.client);
    expect(carol.client.items()[0]).toMatchObject({ text: 'edited by alice', _version: 2 });
  });

  it('API key: reads and subscribes, but a mutation is refused field by field and rolled back locally', async () => {
    const w = await world();
    const alice = await userPoolDevice(w, 0, 'alice-laptop');
    await alice.client.start();
    await alice.client.create({ text: 'public' });
    await settle(alice.client);
    const kiosk = await apiKeyDevice(w, 'kiosk');
    await kiosk.client.start();
    expect(kiosk.client.items().map((i) => i.text)).toEqual(['public']);
    const id = await kiosk.client.create({ text: 'sneaky' });
    await settle(kiosk.client);
    expect(kiosk.events).toContainEqual(
      expect.objectContaining({
        type: 'rejected',
        errorType: 'Unauthorized',
        message: 'Not Authorized to access createItem on type Mutation',
      }),
    );
    expect(kiosk.client.items().map((i) => i.id)).not.toContain(id);
    expect(kiosk.client.outbox()).toEqual([]);
    expect((await serverItems(w)).map((i) => i.text)).toEqual(['public']);
  });

  it('user pools: a bad token is a 401 UnauthorizedException; the outbox is kept, not lost', async () => {
    const w = await world();
    const broken = await device(
      w,
      'broken',
      userPoolAuth(async () => 'not-a-jwt'),
    );
    await broken.client.start();
    await broken.client.create({ text: 'kept' });
    await settle(broken.client);
    expect(broken.client.getStatus()).toMatchObject({
      state: 'error',
      lastError: 'UnauthorizedException: Unable to parse JWT token.',
    });
    expect(broken.client.outbox()).toEqual([
      expect.objectContaining({ kind: 'create', fields: { text: 'kept', done: false, tags: [] } }),
    ]);
    expect(await serverItems(w)).toEqual([]);
  });

  it('user pools: only the owner may delete; the refused delete puts the item back', async () => {
    const w = await world();
    const alice = await userPoolDevice(w, 0, 'alice-laptop');
    const bob = await userPoolDevice(w, 1, 'bob-phone');
    await alice.client.start();
    await bob.client.start();
    const id = await alice.client.create({ text: "alice's" });
    await settle(alice.client, bob.client);
    await bob.client.remove(id);
    expect(bob.client.items()).toEqual([]);
    await settle(alice.client, bob.client);
    expect(bob.events).toContainEqual(
      expect.objectContaining({ type: 'rejected', errorType: 'Unauthorized' }),
    );
    expect(bob.client.items()).toEqual([expect.objectContaining({ id, text: "alice's", _version: 1 })]);
  });

  it('IAM: valid keys whose policies grant no appsync:GraphQL are refused with Permission denied', async () => {
    const w = await world();
    const user = w.cloud.demo.iamUser;
    const auth = iamAuth({
      credentials: async () => ({ accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey }),
      region: w.cloud.demo.region,
      now: w.clock.now,
    });
    const stranger = await device(w, 'stranger', auth);
    await stranger.client.start();
    expect(stranger.client.getStatus()).toMatchObject({
      state: 'error',
      lastError: 'UnauthorizedException: Permission denied',
    });
  });

  it('IAM: a signature made with the wrong secret is refused before any field runs', async () => {
    const w = await world();
    const user = w.cloud.demo.iamUser;
    const auth = iamAuth({
      credentials: async () => ({
        accessKeyId: user.accessKeyId,
        secretAccessKey: `${user.secretAccessKey.slice(0, -1)}x`,
      }),
      region: w.cloud.demo.region,
      now: w.clock.now,
    });
    const forger = await device(w, 'forger', auth);
    await forger.client.start();
    expect(forger.client.getStatus().state).toBe('error');
    expect(forger.client.getStatus().lastError).toMatch(
      /^InvalidSignatureException: The request signature we calculated does not match/,
    );
  });
});
