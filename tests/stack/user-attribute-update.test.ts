/**
 * AWS::Cognito::UserPool UserAttributeUpdateSettings (CloudFormation User Guide; API reference,
 * UserAttributeUpdateSettingsType): the attributes whose change waits for verification. Each must be in
 * AutoVerifiedAttributes: "All attributes in AttributesRequireVerificationBeforeUpdate must exist in
 * AutoVerifiedAttributes" (InvalidParameterException, aws-cli #7151), so such a stack does not deploy.
 */
import { describe, expect, it } from 'vitest';
import { exportStack, importStack } from '../../src/stack/index';
import { importRefusal } from './helpers';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const template = (props: Record<string, unknown>) =>
  JSON.stringify({
    Resources: {
      People: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'people', ...props } },
    },
  });

describe('stack import: UserAttributeUpdateSettings', () => {
  it('configures the pool to keep the original value, and exports the setting again', async () => {
    const r = await importStack(
      template({
        AutoVerifiedAttributes: ['email', 'phone_number'],
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      }),
      { cloud: { now: () => NOW } },
    );
    const pool = Object.values(r.state.cognitoIdp.pools)[0];
    expect(pool?.attributesRequireVerificationBeforeUpdate).toEqual(['email']);
    expect(r.unsupported.some((u) => u.path.includes('UserAttributeUpdateSettings'))).toBe(false);
    const exported = JSON.parse(exportStack(r.cloud)) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const props = Object.values(exported.Resources).find(
      (x) => x.Type === 'AWS::Cognito::UserPool',
    )?.Properties;
    expect(props?.UserAttributeUpdateSettings).toEqual({
      AttributesRequireVerificationBeforeUpdate: ['email'],
    });
  });

  it('refuses an attribute that the pool does not auto-verify', async () => {
    const error = await importRefusal(
      template({
        AutoVerifiedAttributes: ['email'],
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['phone_number'] },
      }),
    );
    expect(error.message).toBe(
      'Resources.People.Properties.UserAttributeUpdateSettings: All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes',
    );
  });
});
