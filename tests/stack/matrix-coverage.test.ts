/**
 * What the matrix covers beyond the actions and resources a template writes out: wildcard actions and
 * resources, NotAction / NotResource statements, and the caps on rows and columns (said, not silent).
 */
import { describe, expect, it } from 'vitest';
import { type ImportedStack, importStack } from '../../src/stack/index';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const load = (resources: Record<string, unknown>, parameters?: Record<string, unknown>) =>
  importStack(JSON.stringify({ Parameters: parameters, Resources: resources }), {
    cloud: { now: () => NOW },
  });

const bucket = (name: string) => ({ Type: 'AWS::S3::Bucket', Properties: { BucketName: name } });
const user = (name: string, statements: unknown[]) => ({
  Type: 'AWS::IAM::User',
  Properties: {
    UserName: name,
    Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
  },
});
const table = { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'orders' } };
const parameter = {
  Type: 'AWS::SSM::Parameter',
  Properties: { Name: '/app/config', Type: 'String', Value: 'v' },
};

const columnsOf = (r: ImportedStack) => r.matrix.actions.map((a) => `${a.action} ${a.resource}`).sort();

function cellOf(r: ImportedStack, callerLabel: string, action: string, resource: string) {
  const caller = r.matrix.callers.find((c) => c.label === callerLabel);
  const column = r.matrix.actions.find((a) => a.action === action && a.resource === resource);
  if (!caller || !column) throw new Error(`no cell ${callerLabel} / ${action} ${resource}: ${columnsOf(r)}`);
  return r.matrix.cells.find((c) => c.caller === caller.id && c.action === column.id)?.decision;
}

describe('wildcard statements get columns on the stack’s own resources', () => {
  it('expands s3:* on * to a read, a write and a listing of each bucket the stack defines', async () => {
    const r = await load({
      Photos: bucket('photos'),
      Logs: bucket('logs'),
      Admin: user('admin', [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
    });
    expect(columnsOf(r)).toEqual(
      [
        's3:GetObject arn:aws:s3:::logs/example.txt',
        's3:PutObject arn:aws:s3:::logs/example.txt',
        's3:ListBucket arn:aws:s3:::logs',
        's3:GetObject arn:aws:s3:::photos/example.txt',
        's3:PutObject arn:aws:s3:::photos/example.txt',
        's3:ListBucket arn:aws:s3:::photos',
      ].sort(),
    );
    expect(cellOf(r, 'IAM user admin', 's3:PutObject', 'arn:aws:s3:::photos/example.txt')).toBe('allow');
    // Each such column says where it came from, so the reader knows it was not written out.
    const column = r.matrix.actions.find((a) => a.resource === 'arn:aws:s3:::logs');
    expect(column?.derived).toMatch(/s3:\*.*\*/);
  });

  it('expands arn:aws:s3:::* the same way and gives "*" on "*" every kind of resource the stack has', async () => {
    const r = await load({
      Photos: bucket('photos'),
      Orders: table,
      Config: parameter,
      Reader: user('reader', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::*' }]),
      Root: user('root', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    });
    const cols = columnsOf(r);
    expect(cols).toEqual(
      expect.arrayContaining([
        's3:GetObject arn:aws:s3:::photos/example.txt',
        'dynamodb:GetItem arn:aws:dynamodb:us-east-1:123456789012:table/orders',
        'dynamodb:PutItem arn:aws:dynamodb:us-east-1:123456789012:table/orders',
        'ssm:GetParameter arn:aws:ssm:us-east-1:123456789012:parameter/app/config',
        // Beyond the stack's resources, one account-wide action stands for "everything else".
        'iam:CreateUser *',
      ]),
    );
    // A service the stack has resources of gets them, not a column on the literal "*".
    expect(cols.filter((c) => /^(s3|dynamodb|ssm):/.test(c) && c.endsWith(' *'))).toEqual([]);
    expect(cellOf(r, 'IAM user reader', 's3:GetObject', 'arn:aws:s3:::photos/example.txt')).toBe('allow');
    expect(
      cellOf(
        r,
        'IAM user reader',
        'ssm:GetParameter',
        'arn:aws:ssm:us-east-1:123456789012:parameter/app/config',
      ),
    ).toBe('deny');
    expect(cellOf(r, 'IAM user root', 'iam:CreateUser', '*')).toBe('allow');
  });

  it('gives a NotAction statement the stack’s actions it does not exclude', async () => {
    const r = await load({
      Photos: bucket('photos'),
      Config: parameter,
      Ops: user('ops', [{ Effect: 'Allow', NotAction: ['iam:*', 's3:PutObject'], Resource: '*' }]),
    });
    const cols = columnsOf(r);
    expect(cols).toEqual(
      expect.arrayContaining([
        's3:GetObject arn:aws:s3:::photos/example.txt',
        's3:ListBucket arn:aws:s3:::photos',
        'ssm:PutParameter arn:aws:ssm:us-east-1:123456789012:parameter/app/config',
      ]),
    );
    expect(cols.some((c) => c.startsWith('iam:') || c.startsWith('s3:PutObject'))).toBe(false);
    expect(cellOf(r, 'IAM user ops', 's3:GetObject', 'arn:aws:s3:::photos/example.txt')).toBe('allow');
    expect(r.matrix.actions.find((a) => a.action === 's3:GetObject')?.derived).toMatch(/NotAction/);
  });

  it('gives a NotResource statement the stack’s resources it does not exclude', async () => {
    const r = await load({
      Public: bucket('public-site'),
      Secret: bucket('secret-vault'),
      Web: user('web', [
        { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret-vault/*' },
      ]),
    });
    expect(columnsOf(r)).toEqual(['s3:GetObject arn:aws:s3:::public-site/example.txt']);
    expect(cellOf(r, 'IAM user web', 's3:GetObject', 'arn:aws:s3:::public-site/example.txt')).toBe('allow');
    expect(r.matrix.actions[0]?.derived).toMatch(/NotResource/);
  });

  it('keeps the columns a policy names literally unmarked', async () => {
    const r = await load({
      Photos: bucket('photos'),
      Reader: user('reader', [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' },
      ]),
    });
    expect(r.matrix.actions).toHaveLength(1);
    expect(r.matrix.actions[0]?.derived).toBeUndefined();
  });
});

describe('queues, topics, functions and keys the stack defines get columns of their own', () => {
  const queue = (name: string) => ({ Type: 'AWS::SQS::Queue', Properties: { QueueName: name } });
  const fn = { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'resize' } };
  const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:';

  it('expands sqs:* on * to a send and a receive on each queue, not a column on "*"', async () => {
    const r = await load({
      Orders: queue('orders'),
      Audit: queue('audit'),
      Worker: user('worker', [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }]),
    });
    expect(columnsOf(r)).toEqual(
      [
        `sqs:SendMessage ${QUEUE}audit`,
        `sqs:ReceiveMessage ${QUEUE}audit`,
        `sqs:SendMessage ${QUEUE}orders`,
        `sqs:ReceiveMessage ${QUEUE}orders`,
      ].sort(),
    );
    expect(cellOf(r, 'IAM user worker', 'sqs:SendMessage', `${QUEUE}orders`)).toBe('allow');
    expect(r.matrix.actions.find((a) => a.resource === `${QUEUE}audit`)?.derived).toMatch(/queue audit/);
  });

  it('gives "*" on "*" the stack’s function, topic and key, the key decided with its key policy', async () => {
    const r = await load({
      Resize: fn,
      Alerts: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts' } },
      // No KeyPolicy: the default one, which enables IAM policies.
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      Root: user('root', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    });
    expect(
      cellOf(
        r,
        'IAM user root',
        'lambda:InvokeFunction',
        'arn:aws:lambda:us-east-1:123456789012:function:resize',
      ),
    ).toBe('allow');
    expect(cellOf(r, 'IAM user root', 'sns:Publish', 'arn:aws:sns:us-east-1:123456789012:alerts')).toBe(
      'allow',
    );
    const key = r.matrix.actions.find((a) => a.action === 'kms:Decrypt');
    expect(key?.resource).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/);
    expect(cellOf(r, 'IAM user root', 'kms:Decrypt', key?.resource ?? '')).toBe('allow');
  });

  it('says a cell on a queue or function with a resource policy in the stack depends on that policy', async () => {
    const r = await load({
      Orders: queue('orders'),
      Audit: queue('audit'),
      OrdersPolicy: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [{ Ref: 'Orders' }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*' }],
          },
        },
      },
      Resize: fn,
      ResizeFromS3: {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          FunctionName: { 'Fn::GetAtt': ['Resize', 'Arn'] },
          Action: 'lambda:InvokeFunction',
          Principal: 's3.amazonaws.com',
        },
      },
      Alerts: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts' } },
      AlertsPolicy: {
        Type: 'AWS::SNS::TopicInlinePolicy',
        Properties: { TopicArn: { Ref: 'Alerts' }, PolicyDocument: { Version: '2012-10-17', Statement: [] } },
      },
      Worker: user('worker', [
        {
          Effect: 'Allow',
          Action: ['sqs:SendMessage', 'lambda:InvokeFunction', 'sns:Publish'],
          Resource: '*',
        },
      ]),
    });
    const reason = (resource: string, action: string) => {
      const column = r.matrix.actions.find((a) => a.action === action && a.resource === resource);
      return r.matrix.cells.find((c) => c.action === column?.id)?.reason;
    };
    expect(reason('arn:aws:sns:us-east-1:123456789012:alerts', 'sns:Publish')).toMatch(
      /topic policy AlertsPolicy on topic alerts/,
    );
    expect(cellOf(r, 'IAM user worker', 'sqs:SendMessage', `${QUEUE}audit`)).toBe('allow');
    expect(cellOf(r, 'IAM user worker', 'sqs:SendMessage', `${QUEUE}orders`)).toBe('conditional');
    expect(reason(`${QUEUE}orders`, 'sqs:SendMessage')).toMatch(/queue policy OrdersPolicy on queue orders/);
    expect(reason('arn:aws:lambda:us-east-1:123456789012:function:resize', 'lambda:InvokeFunction')).toMatch(
      /Lambda permission ResizeFromS3 on function resize/,
    );
  });
});

describe('secrets the stack defines', () => {
  const secret = (properties: Record<string, unknown>) => ({
    Type: 'AWS::SecretsManager::Secret',
    Properties: properties,
  });
  const getValue = (r: ImportedStack, name: string) => {
    const column = r.matrix.actions.find(
      (a) => a.action === 'secretsmanager:GetSecretValue' && a.resource.includes(`:secret:${name}-`),
    );
    if (!column) throw new Error(`no GetSecretValue column on ${name}: ${columnsOf(r)}`);
    return (caller: string) => {
      const row = r.matrix.callers.find((c) => c.label === caller);
      return r.matrix.cells.find((c) => c.caller === row?.id && c.action === column.id);
    };
  };

  it('gives secretsmanager:* on * a GetSecretValue column on each secret, not one on "*"', async () => {
    const r = await load({
      Db: secret({ Name: 'db-password' }),
      Reader: user('reader', [{ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }]),
    });
    expect(getValue(r, 'db-password')('IAM user reader')?.decision).toBe('allow');
    expect(columnsOf(r).filter((c) => c.startsWith('secretsmanager:') && c.endsWith(' *'))).toEqual([]);
  });

  it('says an allowed read depends on a key policy it cannot read, and on a resource policy', async () => {
    const r = await load(
      {
        Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Ref: 'KeyPolicyText' } } },
        Sealed: secret({ Name: 'sealed', KmsKeyId: { Ref: 'Key' } }),
        Default: secret({ Name: 'plain', KmsKeyId: 'alias/aws/secretsmanager' }),
        Shared: secret({ Name: 'shared' }),
        SharedPolicy: {
          Type: 'AWS::SecretsManager::ResourcePolicy',
          Properties: { SecretId: 'shared', ResourcePolicy: { Version: '2012-10-17', Statement: [] } },
        },
        Reader: user('reader', [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }]),
        Nobody: user('nobody', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*' }]),
      },
      { KeyPolicyText: { Type: 'String' } },
    );
    const sealed = getValue(r, 'sealed');
    expect(sealed('IAM user reader')?.decision).toBe('conditional');
    expect(sealed('IAM user reader')?.reason).toMatch(
      /key policy of [0-9a-f-]{36}, the customer managed KMS key secret sealed-.* that key policy was not read/,
    );
    // The key cannot lift a refusal of the secret itself.
    expect(sealed('IAM user nobody')?.decision).toBe('deny');
    // The AWS managed key is every principal's in the account: IAM decides alone.
    expect(getValue(r, 'plain')('IAM user reader')?.decision).toBe('allow');
    // A resource policy named by the secret's name guards it.
    expect(getValue(r, 'shared')('IAM user reader')?.reason).toMatch(
      /resource policy SharedPolicy on secret shared-/,
    );
  });
});

describe('a queue, topic or resource policy whose value does not resolve', () => {
  it('leaves the import standing and the topic out of the names', async () => {
    const r = await load({
      Alerts: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Join': [{ a: 1 }, ['x']] } } },
      Root: user('root', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    });
    expect(columnsOf(r).filter((c) => c.startsWith('sns:'))).toEqual([]);
  });

  it('leaves the import standing for a queue policy (only the matrix reads it), its queue unguarded', async () => {
    const r = await load({
      Orders: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'orders' } },
      Broken: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: { Queues: [{ 'Fn::Join': [{ a: 1 }, ['x']] }], PolicyDocument: {} },
      },
      Worker: user('worker', [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }]),
    });
    expect(cellOf(r, 'IAM user worker', 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:orders')).toBe(
      'allow',
    );
  });
});

describe('the caps on rows and columns are reported', () => {
  it('names the callers left out past the cap, with the total', async () => {
    const resources: Record<string, unknown> = { Photos: bucket('photos') };
    for (let i = 0; i < 130; i++)
      resources[`U${i}`] = user(`u${String(i).padStart(3, '0')}`, [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' },
      ]);
    const r = await load(resources);
    const { callers } = r.matrix.limits;
    expect(callers.total).toBe(130);
    expect(callers.shown).toBe(r.matrix.callers.length);
    expect(callers.shown).toBeLessThan(130);
    expect(callers.omitted).toHaveLength(130 - callers.shown);
    expect(callers.omitted).toContain('IAM user u129');
    expect(r.matrix.callers.map((c) => c.label)).not.toContain('IAM user u129');
  });

  it('names the columns left out past the cap, keeping the ones a policy names before wildcard ones', async () => {
    const resources: Record<string, unknown> = {
      Root: user('root', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    };
    for (let i = 0; i < 120; i++) resources[`B${i}`] = bucket(`bucket-${String(i).padStart(3, '0')}`);
    resources.Named = user('named', [
      { Effect: 'Allow', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::bucket-119/*' },
    ]);
    const r = await load(resources);
    const { actions } = r.matrix.limits;
    expect(actions.total).toBeGreaterThan(actions.shown);
    expect(actions.shown).toBe(r.matrix.actions.length);
    expect(actions.omitted).toHaveLength(actions.total - actions.shown);
    expect(columnsOf(r)).toContain('s3:DeleteObject arn:aws:s3:::bucket-119/example.txt');
  });

  it('gives, when asked, the whole matrix: every caller and column, each cell as the capped one decides it', async () => {
    const resources: Record<string, unknown> = { Photos: bucket('photos'), Orders: table };
    for (let i = 0; i < 130; i++)
      resources[`U${i}`] = user(`u${String(i).padStart(3, '0')}`, [
        { Effect: 'Allow', Action: i % 2 ? 's3:*' : 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' },
        ...(i === 129 ? [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }] : []),
      ]);
    const r = await load(resources);
    const whole = r.uncapped();
    const { callers, actions } = whole.matrix.limits;
    expect(callers).toEqual({ shown: 130, total: 130, omitted: [] });
    expect(actions.omitted).toEqual([]);
    expect(whole.matrix.cells).toHaveLength(130 * actions.shown);
    // The last user's own column exists only past the cap, and its cell is the engine's decision.
    const u129 = whole.matrix.callers.find((c) => c.label === 'IAM user u129');
    const getItem = whole.matrix.actions.find((a) => a.action === 'dynamodb:GetItem');
    expect(u129 && getItem).toBeTruthy();
    if (!u129 || !getItem) return;
    expect(whole.matrix.cells.find((c) => c.caller === u129.id && c.action === getItem.id)?.decision).toBe(
      'allow',
    );
    expect(whole.explain(u129.id, getItem.id)?.result.decision).toBe('Allow');
    // Where both show a cell, they agree.
    const capped = new Map(r.matrix.cells.map((c) => [`${c.caller} ${c.action}`, c.decision]));
    const both = whole.matrix.cells.filter((c) => capped.has(`${c.caller} ${c.action}`));
    expect(both.length).toBe(r.matrix.cells.length);
    for (const c of both) expect(c.decision).toBe(capped.get(`${c.caller} ${c.action}`));
    expect(r.uncapped()).toBe(whole);
  });

  it('reports nothing left out when the stack fits', async () => {
    const r = await load({
      Photos: bucket('photos'),
      Reader: user('reader', [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' },
      ]),
    });
    expect(r.matrix.limits).toEqual({
      callers: { shown: 1, total: 1, omitted: [] },
      actions: { shown: 1, total: 1, omitted: [] },
    });
  });
});

describe('KMS keys the stack defines: the key policy decides with the IAM policies', () => {
  const KEY_ARN = /^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/;
  const keyPolicy = (...statements: unknown[]) => ({
    Type: 'AWS::KMS::Key',
    Properties: { KeyPolicy: { Version: '2012-10-17', Statement: statements } },
  });
  const enableIam = {
    Effect: 'Allow',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a JavaScript template
    Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' } },
    Action: 'kms:*',
    Resource: '*',
  };
  const decrypt = (key = 'Key') =>
    user(`d-${key}`, [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: { 'Fn::GetAtt': [key, 'Arn'] } }]);
  const cell = (r: ImportedStack, caller: string, action = 'kms:Decrypt') => {
    const column = r.matrix.actions.find((a) => a.action === action && KEY_ARN.test(a.resource));
    const row = r.matrix.callers.find((c) => c.label === caller);
    if (!column || !row) throw new Error(`no ${action} cell for ${caller}: ${columnsOf(r)}`);
    const found = r.matrix.cells.find((c) => c.caller === row.id && c.action === column.id);
    return { ...found, explained: r.explain(row.id, column.id)?.result };
  };

  it('lets IAM policies allow a key whose policy enables them (the default key policy does)', async () => {
    for (const key of [{ Type: 'AWS::KMS::Key', Properties: {} }, keyPolicy(enableIam)]) {
      const r = await load({
        Key: key,
        Crypto: decrypt(),
        Other: user('other', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*' }]),
      });
      expect(cell(r, 'IAM user d-Key').decision).toBe('allow');
      expect(cell(r, 'IAM user other').decision).toBe('deny');
      expect(cell(r, 'IAM user other').reason).toMatch(/Grants, which a template cannot create/);
    }
  });

  it('refuses an IAM Allow the key policy does not share, and lets the key policy allow on its own', async () => {
    const r = await load({
      Key: keyPolicy({
        Effect: 'Allow',
        Principal: { AWS: { 'Fn::GetAtt': ['Named', 'Arn'] } },
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Resource: '*',
      }),
      Crypto: decrypt(),
      Named: user('named', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*' }]),
    });
    const iamOnly = cell(r, 'IAM user d-Key');
    expect(iamOnly.decision).toBe('deny');
    expect(iamOnly.reason).toMatch(/unless the key policy explicitly allows it, you cannot use IAM policies/);
    // The IAM trace says the same as the cell.
    expect(iamOnly.explained?.decision).toBe('ImplicitDeny');
    expect(cell(r, 'IAM user named').decision).toBe('allow');
    expect(cell(r, 'IAM user named').reason).toMatch(/key policy of key /);
  });

  it('says a key policy statement with a request-time condition makes the cell depend on the request', async () => {
    const r = await load({
      Key: keyPolicy({ ...enableIam, Condition: { StringEquals: { 'kms:EncryptionContext:Dept': 'hr' } } }),
      Crypto: decrypt(),
    });
    expect(cell(r, 'IAM user d-Key').decision).toBe('conditional');
    expect(cell(r, 'IAM user d-Key').reason).toMatch(/kms:EncryptionContext:Dept/);
  });

  it('decides a secret’s value on its key: kms:Decrypt through Secrets Manager, with the secret as context', async () => {
    const r = await load({
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      Sealed: {
        Type: 'AWS::SecretsManager::Secret',
        Properties: { Name: 'sealed', KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } },
      },
      Reader: user('reader', [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }]),
      Through: user('through', [
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: {
            StringLike: {
              'kms:ViaService': 'secretsmanager.*.amazonaws.com',
              'kms:EncryptionContext:SecretARN': 'arn:aws:secretsmanager:*:*:secret:sealed-*',
            },
          },
        },
      ]),
    });
    const value = (caller: string) => {
      const column = r.matrix.actions.find(
        (a) => a.action === 'secretsmanager:GetSecretValue' && a.resource.includes(':secret:sealed-'),
      );
      const row = r.matrix.callers.find((c) => c.label === caller);
      return r.matrix.cells.find((c) => c.caller === row?.id && c.action === column?.id);
    };
    expect(value('IAM user reader')?.decision).toBe('deny');
    expect(value('IAM user reader')?.reason).toMatch(/Secrets Manager calls kms:Decrypt on key /);
    expect(value('IAM user through')?.decision).toBe('allow');
  });

  it('follows a secret’s KmsKeyId through an alias of the stack to its key', async () => {
    const r = await load({
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      KeyAlias: {
        Type: 'AWS::KMS::Alias',
        Properties: { AliasName: 'alias/app', TargetKeyId: { Ref: 'Key' } },
      },
      ByName: {
        Type: 'AWS::SecretsManager::Secret',
        Properties: { Name: 'by-name', KmsKeyId: { Ref: 'KeyAlias' } },
      },
      Reader: user('reader', [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }]),
    });
    const column = r.matrix.actions.find((a) => a.resource.includes(':secret:by-name-'));
    const row = r.matrix.callers.find((c) => c.label === 'IAM user reader');
    const found = r.matrix.cells.find((c) => c.caller === row?.id && c.action === column?.id);
    expect(found?.decision).toBe('deny');
    expect(found?.reason).toMatch(/Secrets Manager calls kms:Decrypt on key /);
  });
});
