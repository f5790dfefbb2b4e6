import { type PolicyDocument, type PolicyStatement, validatePolicyDocument } from '../sim/index';

/**
 * The stack's queues, topics, functions and keys, by ARN, for the access matrix. The import does not
 * simulate these services (their Ref and GetAtt values are all it builds: resource-types.ts), but a
 * broad Allow such as `sqs:*` on `*` reaches them, and the matrix should name them rather than `*`.
 */
export interface DefinedResource {
  service: 'sqs' | 'sns' | 'lambda' | 'kms' | 'secretsmanager';
  arn: string;
  /** What the matrix's column note calls it ("queue orders"). */
  what: string;
  /**
   * The resource-based policy the stack attaches to it ("queue policy OrdersPolicy"): not simulated,
   * so a cell on it depends on that policy.
   */
  policy?: string;
  /**
   * The customer managed KMS key a secret is encrypted under (its KmsKeyId): reading or writing the value
   * needs that key too, which its key policy decides. Without one the secret uses aws/secretsmanager, which
   * "all users and roles in the AWS account automatically have access to use" (UpdateSecret, KmsKeyId).
   */
  key?: string;
  /** The stack's own key that `key` names, when it names one (by id or ARN). */
  keyArn?: string;
  /**
   * A KMS key's key policy, read from its KeyPolicy (or the default one when the template gives none): the
   * matrix decides the key's cells with it. `unread` says why a KeyPolicy was not read instead.
   */
  keyPolicy?: { document: PolicyDocument; given: boolean } | { unread: string };
}

/** The resource types named here, each read by its Ref, with the properties read beside it. */
export const NAMED_TYPES: Record<string, readonly string[]> = {
  'AWS::SQS::Queue': [],
  'AWS::SNS::Topic': [],
  'AWS::Lambda::Function': [],
  'AWS::KMS::Key': ['KeyPolicy'],
  // Not a column of its own: a secret's KmsKeyId may name a key by its alias.
  'AWS::KMS::Alias': ['TargetKeyId'],
  'AWS::SecretsManager::Secret': ['KmsKeyId'],
};

/**
 * The resource-policy types that attach to them (CloudFormation Template Reference), each with the one
 * property that names what it guards and the words the matrix calls it by.
 */
export const POLICY_TYPES: Record<string, { property: string; called: string }> = {
  'AWS::SQS::QueuePolicy': { property: 'Queues', called: 'queue policy' },
  'AWS::SQS::QueueInlinePolicy': { property: 'Queue', called: 'queue policy' },
  'AWS::SNS::TopicPolicy': { property: 'Topics', called: 'topic policy' },
  'AWS::SNS::TopicInlinePolicy': { property: 'TopicArn', called: 'topic policy' },
  'AWS::Lambda::Permission': { property: 'FunctionName', called: 'Lambda permission' },
  'AWS::Lambda::ResourcePolicy': { property: 'ResourceArn', called: 'resource policy' },
  'AWS::SecretsManager::ResourcePolicy': { property: 'SecretId', called: 'resource policy' },
};

interface Built {
  logical: string;
  type: string;
  ref: string;
  props: Record<string, unknown>;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];

/** Whether a FunctionName or ResourceArn (a name, an ARN or a partial ARN, maybe qualified) is `name`. */
function namesFunction(named: string, name: string): boolean {
  if (named === name) return true;
  const at = named.indexOf(`function:${name}`);
  if (at < 0) return false;
  const rest = named.slice(at + `function:${name}`.length);
  return rest === '' || rest.startsWith(':');
}

/**
 * KMS developer guide, "Default key policy": a key created through the API without a policy gets one
 * statement that gives the account, and so its IAM policies, every KMS operation on the key.
 */
const defaultKeyPolicy = (accountId: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
});

/** A value the import could not resolve (a `<Parameter>`): the key policy's meaning is not known. */
const PLACEHOLDER = /<[^<>\s][^<>]*>/;

/**
 * A key policy as the matrix evaluates it. KMS takes a statement without Action or Resource and gives it
 * no effect (CreateKey, Policy: "the policy statement has no effect... the CreateKey and PutKeyPolicy API
 * requests succeed"), so such statements are dropped rather than refusing the template. A policy that
 * is not JSON, or whose grammar or values the engine cannot read, is left unread: its cells depend on it.
 */
function readKeyPolicy(value: unknown, accountId: string): DefinedResource['keyPolicy'] {
  if (value === undefined) return { document: defaultKeyPolicy(accountId), given: false };
  try {
    const json = typeof value === 'string' ? value : JSON.stringify(value);
    if (PLACEHOLDER.test(json)) return { unread: 'it holds values the import could not resolve' };
    const plain = JSON.parse(json) as { Statement?: unknown };
    const all = Array.isArray(plain.Statement) ? plain.Statement : [plain.Statement];
    const effective = all.filter(
      (s: Partial<PolicyStatement> | undefined) =>
        (s?.Action !== undefined || s?.NotAction !== undefined) &&
        (s?.Resource !== undefined || s?.NotResource !== undefined),
    );
    const document = validatePolicyDocument({ ...plain, Statement: effective }, { kind: 'resource' });
    return { document, given: true };
  } catch {
    return { unread: 'the import could not read it as a policy' };
  }
}

export function definedResources(resources: readonly Built[], region: string, accountId: string) {
  /** "queue policy OrdersPolicy": the first resource policy of the service whose property names it. */
  const policyFor = (service: string, names: (value: string) => boolean) => {
    const found = resources.find((r) => {
      const kind = POLICY_TYPES[r.type];
      return kind && r.type.startsWith(`AWS::${service}::`) && list(r.props[kind.property]).some(names);
    });
    return found ? { policy: `${POLICY_TYPES[found.type]?.called} ${found.logical}` } : {};
  };
  const out: DefinedResource[] = [];
  for (const r of resources) {
    switch (r.type) {
      case 'AWS::SQS::Queue': {
        // Ref is the queue URL, whose last segment is the name (AWS::SQS::Queue, "Return values").
        const name = r.ref.split('/').pop() ?? r.logical;
        out.push({
          service: 'sqs',
          arn: `arn:aws:sqs:${region}:${accountId}:${name}`,
          what: `queue ${name}`,
          ...policyFor('SQS', (url) => url === r.ref),
        });
        break;
      }
      case 'AWS::SNS::Topic':
        // Ref is the topic ARN.
        out.push({
          service: 'sns',
          arn: r.ref,
          what: `topic ${r.ref.split(':').pop()}`,
          ...policyFor('SNS', (arn) => arn === r.ref),
        });
        break;
      case 'AWS::Lambda::Function':
        // Ref is the function's name.
        out.push({
          service: 'lambda',
          arn: `arn:aws:lambda:${region}:${accountId}:function:${r.ref}`,
          what: `function ${r.ref}`,
          ...policyFor('Lambda', (named) => namesFunction(named, r.ref)),
        });
        break;
      case 'AWS::SecretsManager::Secret': {
        // Ref is the secret's ARN, its name then a hyphen and six characters (resource-types.ts).
        const name = r.ref.split(':secret:').pop() ?? r.logical;
        const key = typeof r.props.KmsKeyId === 'string' ? r.props.KmsKeyId : '';
        out.push({
          service: 'secretsmanager',
          arn: r.ref,
          what: `secret ${name}`,
          // A ResourcePolicy's SecretId is the secret's ARN or its name (without the six characters).
          ...policyFor('SecretsManager', (id) => id === r.ref || `${id}-` === name.slice(0, -6)),
          ...(key && key !== 'alias/aws/secretsmanager' ? { key } : {}),
        });
        break;
      }
      case 'AWS::KMS::Key':
        // Ref is the key id. Its key policy is the resource's own property.
        out.push({
          service: 'kms',
          arn: `arn:aws:kms:${region}:${accountId}:key/${r.ref}`,
          what: `key ${r.ref}`,
          keyPolicy: readKeyPolicy(r.props.KeyPolicy, accountId),
        });
        break;
    }
  }
  // A secret's KmsKeyId names a key of the stack by its id (Ref), ARN (GetAtt Arn), or an alias of the
  // stack (alias/name or its ARN) whose TargetKeyId is one of those: the matrix then reads that key's policy
  // for the secret's value.
  const keys = out.filter((d) => d.service === 'kms');
  const aliases = new Map(
    resources
      .filter((r) => r.type === 'AWS::KMS::Alias' && typeof r.props.TargetKeyId === 'string')
      .map((r) => [r.ref, String(r.props.TargetKeyId)]),
  );
  const keyNamed = (named: string) => keys.find((k) => k.arn === named || k.arn.endsWith(`:key/${named}`));
  for (const secret of out) {
    const named = secret.key;
    if (!named) continue;
    const alias = /(?:^|:)(alias\/.+)$/.exec(named)?.[1];
    const target = alias !== undefined ? aliases.get(alias) : named;
    const found = target !== undefined ? keyNamed(target) : undefined;
    if (found) secret.keyArn = found.arn;
  }
  return out.sort((a, b) => a.arn.localeCompare(b.arn));
}
