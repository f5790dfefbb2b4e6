/** The scripted session's signed part: attributes for access control and the user pool's Admin API. */
import {
  CognitoIdentityClient,
  GetPrincipalTagAttributeMapCommand,
  SetPrincipalTagAttributeMapCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { Cloud } from '../../src/sim/index';
import type { Clock, Credentials } from '../pipeline/pipeline-support';
import type { createCloudHandler } from '../support/cloud-handler';
import { config, quiet } from './session-support';

/** Attributes for access control and the user pool's Admin API (signed). */
export async function adminSession(
  cloud: Cloud,
  clock: Clock,
  handler: ReturnType<typeof createCloudHandler>,
  dev: Credentials,
) {
  const poolId = cloud.demo.identityPool.id;
  const backend = new CognitoIdentityClient(config(handler, cloud, clock, dev));
  const provider = `cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.userPool.id}`;
  await backend.send(
    new SetPrincipalTagAttributeMapCommand({
      IdentityPoolId: poolId,
      IdentityProviderName: provider,
      UseDefaults: true,
    }),
  );
  await backend.send(
    new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: poolId, IdentityProviderName: provider }),
  );
  await quiet(
    backend.send(
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: poolId,
        IdentityProviderName: 'accounts.google.com',
      }),
    ),
  );
  const stsDev = new STSClient(config(handler, cloud, clock, dev));
  await quiet(
    stsDev.send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'tagged',
        Tags: [{ Key: 'team', Value: 'atlas' }],
      }),
    ),
  );
  const admin = cloud.demo.adminBackend;
  if (!admin) throw new Error('demo.adminBackend missing');
  const assumed = await stsDev.send(
    new AssumeRoleCommand({ RoleArn: admin.roleArn, RoleSessionName: 'backend' }),
  );
  const role = {
    accessKeyId: assumed.Credentials?.AccessKeyId as string,
    secretAccessKey: assumed.Credentials?.SecretAccessKey as string,
    sessionToken: assumed.Credentials?.SessionToken as string,
  };
  const idp = new CognitoIdentityProviderClient(config(handler, cloud, clock, role));
  const UserPoolId = cloud.demo.userPool.id;
  await idp.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: 'yara',
      TemporaryPassword: 'Temp-Pass-2026!',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'yara@example.test' }],
    }),
  );
  await quiet(idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'yara' })));
  const started = await idp.send(
    new AdminInitiateAuthCommand({
      UserPoolId,
      ClientId: admin.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'yara', PASSWORD: 'Temp-Pass-2026!' },
    }),
  );
  await idp.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId,
      ClientId: admin.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: started.Session,
      ChallengeResponses: { USERNAME: 'yara', NEW_PASSWORD: 'Yara-Own-2026!' },
    }),
  );
  await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'yara' }));
  await quiet(idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'nobody' })));
  await idp.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'yara', GroupName: 'readers' }));
  await idp.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: 'yara' }));
  const unsigned = new CognitoIdentityProviderClient(config(handler, cloud, clock, dev));
  await quiet(unsigned.send(new AdminGetUserCommand({ UserPoolId, Username: 'yara' })));
}
