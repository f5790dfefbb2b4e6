// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} here is Fn::Sub syntax
/**
 * Ref and Fn::GetAtt of resource types the stack does not simulate, as each type's "Return values"
 * section of the CloudFormation resource reference documents them, so a policy that names them names
 * the real ARN (and an explicit Deny on it is not missed). Types whose values are not known give a
 * visible placeholder, listed among what is not simulated.
 */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { decision } from './helpers';

const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const out = (name: string, value: unknown) => ({
  Type: 'AWS::SSM::Parameter',
  Properties: { Name: `/out/${name}`, Type: 'String', Value: value },
});
const load = (resources: Record<string, unknown>) =>
  importStack(JSON.stringify({ Resources: resources }), { region: REGION, accountId: ACCOUNT });
const value = (r: Awaited<ReturnType<typeof load>>, name: string) =>
  r.state.ssm.parameters[`/out/${name}`]?.value;

describe('Ref and Fn::GetAtt of types that are not simulated', () => {
  it('SQS queue: Ref is the queue URL; Arn, QueueName and QueueUrl', async () => {
    const r = await load({
      Jobs: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } },
      Ref: out('ref', { Ref: 'Jobs' }),
      Arn: out('arn', { 'Fn::GetAtt': ['Jobs', 'Arn'] }),
      Name: out('name', { 'Fn::GetAtt': ['Jobs', 'QueueName'] }),
      Url: out('url', { 'Fn::GetAtt': ['Jobs', 'QueueUrl'] }),
    });
    expect(value(r, 'ref')).toBe(`https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/jobs`);
    expect(value(r, 'arn')).toBe(`arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`);
    expect(value(r, 'name')).toBe('jobs');
    expect(value(r, 'url')).toBe(`https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/jobs`);
  });
  it('SNS topic: Ref is the topic ARN; TopicArn and TopicName', async () => {
    const r = await load({
      Alerts: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts' } },
      Ref: out('ref', { Ref: 'Alerts' }),
      Arn: out('arn', { 'Fn::GetAtt': ['Alerts', 'TopicArn'] }),
      Name: out('name', { 'Fn::GetAtt': ['Alerts', 'TopicName'] }),
    });
    expect(value(r, 'ref')).toBe(`arn:aws:sns:${REGION}:${ACCOUNT}:alerts`);
    expect(value(r, 'arn')).toBe(`arn:aws:sns:${REGION}:${ACCOUNT}:alerts`);
    expect(value(r, 'name')).toBe('alerts');
  });
  it('Logs log group: Ref is the name; Arn ends in :*', async () => {
    const r = await load({
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/app/web' } },
      Ref: out('ref', { Ref: 'Logs' }),
      Arn: out('arn', { 'Fn::GetAtt': ['Logs', 'Arn'] }),
    });
    expect(value(r, 'ref')).toBe('/app/web');
    expect(value(r, 'arn')).toBe(`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app/web:*`);
  });
  it('Lambda function: Ref is the name; Arn', async () => {
    const r = await load({
      Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'resize' } },
      Ref: out('ref', { Ref: 'Fn' }),
      Arn: out('arn', { 'Fn::GetAtt': ['Fn', 'Arn'] }),
    });
    expect(value(r, 'ref')).toBe('resize');
    expect(value(r, 'arn')).toBe(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:resize`);
  });
  it('KMS key: Ref is the key id; Arn is key/<id>; KeyId', async () => {
    const r = await load({
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      Ref: out('ref', { Ref: 'Key' }),
      Arn: out('arn', { 'Fn::GetAtt': ['Key', 'Arn'] }),
      Id: out('id', { 'Fn::GetAtt': ['Key', 'KeyId'] }),
    });
    const id = value(r, 'ref') ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(value(r, 'arn')).toBe(`arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`);
    expect(value(r, 'id')).toBe(id);
  });
  it('Secrets Manager secret: Ref is the ARN, the name with a six-character suffix', async () => {
    const r = await load({
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'prod/db' } },
      Ref: out('ref', { Ref: 'Secret' }),
    });
    expect(value(r, 'ref')).toMatch(
      new RegExp(`^arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-[A-Za-z0-9]{6}$`),
    );
  });
  it('DynamoDB table: Ref is the name; Arn is table/<name>', async () => {
    const r = await load({
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'orders' } },
      Ref: out('ref', { Ref: 'Table' }),
      Arn: out('arn', { 'Fn::GetAtt': ['Table', 'Arn'] }),
    });
    expect(value(r, 'ref')).toBe('orders');
    expect(value(r, 'arn')).toBe(`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders`);
  });
  it('an explicit Deny on a queue’s GetAtt Arn denies the real queue ARN', async () => {
    const r = await load({
      Jobs: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } },
      Ops: {
        Type: 'AWS::IAM::User',
        Properties: {
          UserName: 'ops',
          Policies: [
            {
              PolicyName: 'queues',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: ['sqs:SendMessage', 'sqs:DeleteQueue'],
                    Resource: { 'Fn::Sub': 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:jobs' },
                  },
                  { Effect: 'Deny', Action: 'sqs:DeleteQueue', Resource: { 'Fn::GetAtt': ['Jobs', 'Arn'] } },
                ],
              },
            },
          ],
        },
      },
    });
    const arn = `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs`;
    const column = r.matrix.actions.find((a) => a.action === 'sqs:DeleteQueue' && a.resource === arn);
    const caller = r.matrix.callers.find((c) => c.label === 'IAM user ops');
    const cell = r.matrix.cells.find((c) => c.caller === caller?.id && c.action === column?.id);
    expect(cell?.decision).toBe('deny');
    expect(decision(r, 'IAM user ops', 'sqs:SendMessage', arn)).toBe('allow');
  });
  it('a type whose values are unknown gives placeholders, and says so at the place they are used', async () => {
    const r = await load({
      Stream: { Type: 'AWS::Kinesis::Stream', Properties: { Name: 'clicks' } },
      Ref: out('ref', { Ref: 'Stream' }),
      Arn: out('arn', { 'Fn::GetAtt': ['Stream', 'Arn'] }),
    });
    expect(value(r, 'ref')).toBe('<Stream>');
    expect(value(r, 'arn')).toBe('<Stream.Arn>');
    expect(r.unsupported).toContainEqual({
      path: 'Resources.Stream',
      what: 'AWS::Kinesis::Stream is not simulated',
    });
    expect(r.unsupported).toContainEqual(
      expect.objectContaining({
        path: 'Resources.Arn.Properties.Value.Fn::GetAtt',
        what: expect.stringMatching(/placeholder <Stream\.Arn>/),
      }),
    );
  });
});
