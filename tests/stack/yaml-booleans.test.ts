/**
 * "CloudFormation supports the YAML Version 1.1 specification with a few exceptions" (User Guide,
 * "Template formats"): a plain yes/no/on/off is a boolean there, not a string, as it is in YAML 1.1
 * (yaml.org/type/bool.html). A string property given one receives "true" or "false": a tag written
 * `Value: YES` deploys as "true" (aws-cli #5245 and PR #5257, ASFHyP3/hyp3 PR #2061). Quoted, it stays text.
 */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';

const pool = (allow: string, classic = 'false') => `Resources:
  Ids:
    Type: AWS::Cognito::IdentityPool
    Properties:
      IdentityPoolName: ids
      AllowUnauthenticatedIdentities: ${allow}
      AllowClassicFlow: ${classic}
`;

const guestsOn = async (word: string) => {
  const r = await importStack(pool(word));
  return Object.values(r.state.cognitoIdentity.pools)[0]?.AllowUnauthenticatedIdentities;
};

describe('YAML 1.1 booleans in a template', () => {
  it.each(['yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'])(
    'AllowUnauthenticatedIdentities: %s turns guests on',
    async (word) => {
      expect(await guestsOn(word)).toBe(true);
    },
  );
  it.each(['no', 'No', 'NO', 'off', 'Off', 'OFF', 'false'])(
    'AllowUnauthenticatedIdentities: %s leaves them off',
    async (word) => {
      expect(await guestsOn(word)).toBe(false);
    },
  );
  it('a mixed case YAML 1.1 does not define (yEs), or the single letter y, is a string', async () => {
    const r = await importStack(`Resources:
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /flags
      Type: StringList
      Value: !Join [',', [yEs, y, n]]
`);
    expect(r.state.ssm.parameters['/flags']?.value).toBe('yEs,y,n');
  });
  it('a string property given a plain yes gets "true", as CloudFormation gives it; quoted it stays "yes"', async () => {
    const r = await importStack(`Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: worker
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Tags:
        - Key: Plain
          Value: yes
        - Key: Quoted
          Value: 'yes'
        - Key: Disabled
          Value: OFF
`);
    expect(r.state.iam.roles.worker?.tags).toEqual({ Plain: 'true', Quoted: 'yes', Disabled: 'false' });
    // A date-like plain scalar stays text (CloudFormation does not support the timestamp tag).
    expect(r.state.iam.roles.worker?.trustPolicy.Version).toBe('2012-10-17');
  });
  it('Fn::Equals compares a plain yes as the string "true"', async () => {
    const r = await importStack(`Parameters:
  Guests:
    Type: String
    Default: yes
Conditions:
  GuestsOn: !Equals [!Ref Guests, 'true']
Resources:
  Ids:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: !If [GuestsOn, true, false]
`);
    expect(Object.values(r.state.cognitoIdentity.pools)[0]?.AllowUnauthenticatedIdentities).toBe(true);
  });
});
