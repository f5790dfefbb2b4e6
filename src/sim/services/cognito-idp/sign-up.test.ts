import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { failure, setup, withAutoVerified } from './test-setup';

const attrs = (email: string) => [{ Name: 'email', Value: email }];
/** Zoe signs up with a valid password and her email, plus any other attributes. */
const zoeSignsUp = (ClientId: string, more: { Name: string; Value: string }[] = []) =>
  new SignUpCommand({
    ClientId,
    Username: 'zoe',
    Password: 'Sunny-Day-42',
    UserAttributes: [...attrs('zoe@example.com'), ...more],
  });

describe('cognito-idp SignUp / ConfirmSignUp / ResendConfirmationCode', () => {
  it('signs a user up unconfirmed and delivers a 6-digit code to the inbox', async () => {
    const { idp, demo, clock } = await setup();
    const out = await idp.send(zoeSignsUp(demo.userPool.clientId));
    expect(out.UserConfirmed).toBe(false);
    expect(out.UserSub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(out.CodeDeliveryDetails).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'z***@e***',
    });
    const inbox = demo.userPool.inbox();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toEqual({
      to: 'zoe@example.com',
      username: 'zoe',
      code: expect.stringMatching(/^\d{6}$/),
      purpose: 'SIGN_UP',
      at: clock.now(),
    });
  });

  it('confirms with the code, after which the user can sign in', async () => {
    const { idp, demo } = await setup();
    const ClientId = demo.userPool.clientId;
    await idp.send(zoeSignsUp(ClientId));
    const code = demo.userPool.inbox()[0]?.code as string;
    await expect(
      idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'zoe', ConfirmationCode: code })),
    ).resolves.toBeDefined();
    const auth = await idp.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'zoe', PASSWORD: 'Sunny-Day-42' },
      }),
    );
    expect(auth.AuthenticationResult?.IdToken).toBeTypeOf('string');
  });

  it('rejects a wrong code with CodeMismatchException and a day-old code with ExpiredCodeException', async () => {
    const { idp, demo, clock } = await setup();
    const ClientId = demo.userPool.clientId;
    await idp.send(zoeSignsUp(ClientId));
    const code = demo.userPool.inbox()[0]?.code as string;
    const wrong = code === '000000' ? '111111' : '000000';
    expect(
      await failure(
        idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'zoe', ConfirmationCode: wrong })),
      ),
    ).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
      status: 400,
    });
    clock.advance(24 * 3600 * 1000);
    expect(
      await failure(
        idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'zoe', ConfirmationCode: code })),
      ),
    ).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
      status: 400,
    });
  });

  it('resends a new code that replaces the old one', async () => {
    const { idp, demo } = await setup();
    const ClientId = demo.userPool.clientId;
    await idp.send(zoeSignsUp(ClientId));
    const resent = await idp.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'zoe' }));
    expect(resent.CodeDeliveryDetails).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'z***@e***',
    });
    const [first, second] = demo.userPool.inbox();
    expect(second?.purpose).toBe('RESEND_SIGN_UP');
    if (first?.code !== second?.code) {
      expect(
        (
          await failure(
            idp.send(
              new ConfirmSignUpCommand({
                ClientId,
                Username: 'zoe',
                ConfirmationCode: first?.code as string,
              }),
            ),
          )
        ).name,
      ).toBe('CodeMismatchException');
    }
    await idp.send(
      new ConfirmSignUpCommand({ ClientId, Username: 'zoe', ConfirmationCode: second?.code as string }),
    );
    expect(await failure(idp.send(new ResendConfirmationCodeCommand({ ClientId, Username: 'zoe' })))).toEqual(
      {
        name: 'InvalidParameterException',
        message: 'User is already confirmed.',
        status: 400,
      },
    );
  });

  it('refuses a taken username, case-insensitively, with UsernameExistsException', async () => {
    const { idp, demo } = await setup();
    expect(
      await failure(
        idp.send(
          new SignUpCommand({
            ClientId: demo.userPool.clientId,
            Username: 'Alice',
            Password: 'Sunny-Day-42',
            UserAttributes: attrs('a@example.com'),
          }),
        ),
      ),
    ).toEqual({ name: 'UsernameExistsException', message: 'User already exists', status: 400 });
  });

  it.each([
    ['Sh0rt!x', 'Password did not conform with policy: Password not long enough'],
    ['ALLUPPER-42', 'Password did not conform with policy: Password must have lowercase characters'],
    ['alllower-42', 'Password did not conform with policy: Password must have uppercase characters'],
    ['No-Numbers-Here', 'Password did not conform with policy: Password must have numeric characters'],
    ['NoSymbols42', 'Password did not conform with policy: Password must have symbol characters'],
  ])('enforces the default password policy: %s', async (Password, message) => {
    const { idp, demo } = await setup();
    expect(
      await failure(
        idp.send(
          new SignUpCommand({
            ClientId: demo.userPool.clientId,
            Username: 'zoe',
            Password,
            UserAttributes: attrs('z@example.com'),
          }),
        ),
      ),
    ).toEqual({ name: 'InvalidPasswordException', message, status: 400 });
  });

  it('catches a password under 6 characters in the shape check, before the pool policy', async () => {
    const { idp, demo } = await setup();
    expect(
      await failure(
        idp.send(
          new SignUpCommand({
            ClientId: demo.userPool.clientId,
            Username: 'zoe',
            Password: 'Ab1!',
            UserAttributes: attrs('z@example.com'),
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6",
      status: 400,
    });
  });

  it.each([
    [
      [],
      'InvalidParameterException',
      'Attributes did not conform to the schema: email: The attribute is required\n',
    ],
    [
      // Several problems: one line each, in the order the service lists them.
      [{ Name: 'favorite_flavor', Value: 'mint' }],
      'InvalidParameterException',
      'Attributes did not conform to the schema: favorite_flavor: Attribute does not exist in the schema.\nemail: The attribute is required\n',
    ],
    [
      [{ Name: 'email', Value: 'not-an-email' }],
      'InvalidParameterException',
      'Invalid email address format.',
    ],
    [
      [
        { Name: 'email', Value: 'z@example.com' },
        { Name: 'favorite_flavor', Value: 'mint' },
      ],
      'InvalidParameterException',
      'Attributes did not conform to the schema: favorite_flavor: Attribute does not exist in the schema.\n',
    ],
    [
      [
        { Name: 'email', Value: 'z@example.com' },
        { Name: 'sub', Value: '11111111-1111-4111-8111-111111111111' },
      ],
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    ],
  ])('validates attributes (%j)', async (UserAttributes, name, message) => {
    const { idp, demo } = await setup();
    expect(
      await failure(
        idp.send(
          new SignUpCommand({
            ClientId: demo.userPool.clientId,
            Username: 'zoe',
            Password: 'Sunny-Day-42',
            UserAttributes,
          }),
        ),
      ),
    ).toEqual({
      name,
      message,
      status: 400,
    });
  });

  it('names a missing member as AWS does: "Value null at \'…\'"', async () => {
    const { idp, demo } = await setup();
    const nullAt = (path: string) => ({
      name: 'InvalidParameterException',
      message: `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
      status: 400,
    });
    const signUp = (input: Partial<ConstructorParameters<typeof SignUpCommand>[0]>) =>
      failure(
        idp.send(
          new SignUpCommand({
            ClientId: demo.userPool.clientId,
            Password: 'Sunny-Day-42',
            ...input,
          } as ConstructorParameters<typeof SignUpCommand>[0]),
        ),
      );
    expect(await signUp({ UserAttributes: attrs('z@example.com') })).toEqual(nullAt('username'));
    expect(
      await signUp({
        Username: 'zoe',
        UserAttributes: [{ Value: 'z@example.com' } as { Name: string; Value: string }],
      }),
    ).toEqual(nullAt('userAttributes.1.member.name'));
    expect(
      await failure(
        idp.send(
          new UpdateUserAttributesCommand({ AccessToken: 'not-checked-yet' } as ConstructorParameters<
            typeof UpdateUserAttributesCommand
          >[0]),
        ),
      ),
    ).toEqual(nullAt('userAttributes'));
  });

  it('accepts custom: attributes of the schema', async () => {
    const { idp, demo } = await setup();
    const out = await idp.send(
      new SignUpCommand({
        ClientId: demo.userPool.clientId,
        Username: 'zoe',
        Password: 'Sunny-Day-42',
        UserAttributes: [...attrs('z@example.com'), { Name: 'custom:department', Value: 'design' }],
      }),
    );
    expect(out.UserConfirmed).toBe(false);
  });

  it('hides unknown users on the ENABLED client and reveals them on the LEGACY client', async () => {
    const { idp, demo } = await setup();
    const enabled = demo.userPool.clientId;
    const legacy = demo.userPool.otherClientId;
    expect(
      (
        await failure(
          idp.send(
            new ConfirmSignUpCommand({ ClientId: enabled, Username: 'nobody', ConfirmationCode: '123456' }),
          ),
        )
      ).name,
    ).toBe('CodeMismatchException');
    expect(
      await failure(
        idp.send(
          new ConfirmSignUpCommand({ ClientId: legacy, Username: 'nobody', ConfirmationCode: '123456' }),
        ),
      ),
    ).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
    const pretend = await idp.send(
      new ResendConfirmationCodeCommand({ ClientId: enabled, Username: 'nobody' }),
    );
    expect(pretend.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect(demo.userPool.inbox()).toEqual([]);
    expect(
      (await failure(idp.send(new ResendConfirmationCodeCommand({ ClientId: legacy, Username: 'nobody' }))))
        .name,
    ).toBe('UserNotFoundException');
  });

  it('refuses to confirm an already confirmed user', async () => {
    const { idp, demo } = await setup();
    expect(
      await failure(
        idp.send(
          new ConfirmSignUpCommand({
            ClientId: demo.userPool.clientId,
            Username: 'alice',
            ConfirmationCode: '123456',
          }),
        ),
      ),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
      status: 400,
    });
  });

  it('answers ResourceNotFoundException for an unknown client id', async () => {
    const { idp } = await setup();
    expect(
      await failure(
        idp.send(
          new SignUpCommand({
            ClientId: 'nosuchclient',
            Username: 'zoe',
            Password: 'Sunny-Day-42',
            UserAttributes: attrs('z@example.com'),
          }),
        ),
      ),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient does not exist.',
      status: 400,
    });
  });
});

describe('cognito-idp sign-up confirmation channel', () => {
  // Developer guide, "Signing up and confirming user accounts": "If a user provides both an email
  // address and a phone number ... Amazon Cognito sends a verification code only to the phone number",
  // and on ConfirmSignUp it "marks the attribute that was used to confirm (email or phone number) as
  // verified".
  it('sends the code by SMS when the pool verifies both and the user gave both', async () => {
    const { idp, demo, cloud } = await withAutoVerified(['email', 'phone_number']);
    const ClientId = demo.userPool.clientId;
    const out = await idp.send(zoeSignsUp(ClientId, [{ Name: 'phone_number', Value: '+12065551234' }]));
    expect(out.CodeDeliveryDetails).toEqual({
      AttributeName: 'phone_number',
      DeliveryMedium: 'SMS',
      Destination: '+*******1234',
    });
    const code = demo.userPool.inbox().at(-1)?.code as string;
    expect(demo.userPool.inbox().at(-1)?.to).toBe('+12065551234');
    await idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'zoe', ConfirmationCode: code }));
    const user = JSON.parse(cloud.snapshot().state).cognitoIdp.pools[demo.userPool.id].users.zoe;
    expect(user.status).toBe('CONFIRMED');
    expect(user.attributes.phone_number_verified).toBe('true');
    expect(user.attributes.email_verified).toBe('false');
  });

  it('verifies the phone number, not the email, when the code went by SMS', async () => {
    const { idp, demo, cloud } = await withAutoVerified(['phone_number']);
    const ClientId = demo.userPool.clientId;
    await idp.send(zoeSignsUp(ClientId, [{ Name: 'phone_number', Value: '+12065551234' }]));
    const code = demo.userPool.inbox().at(-1)?.code as string;
    await idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'zoe', ConfirmationCode: code }));
    const user = JSON.parse(cloud.snapshot().state).cognitoIdp.pools[demo.userPool.id].users.zoe;
    expect(user.attributes.phone_number_verified).toBe('true');
    expect(user.attributes.email_verified).toBe('false');
  });
});

describe('cognito-idp ResendConfirmationCode for a disabled user', () => {
  // Developer guide, "Managing user existence error responses" (ENABLED): "Amazon Cognito returns
  // CodeDeliveryDetails for a disabled user or a user that doesn't exist."
  it('answers CodeDeliveryDetails on the ENABLED client and sends nothing', async () => {
    const { idp, demo } = await setup();
    const out = await idp.send(
      new ResendConfirmationCodeCommand({
        ClientId: demo.userPool.clientId,
        Username: demo.userPool.disabledUser.username,
      }),
    );
    expect(out.CodeDeliveryDetails).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'd***@e***',
    });
    expect(demo.userPool.inbox()).toEqual([]);
  });
});
