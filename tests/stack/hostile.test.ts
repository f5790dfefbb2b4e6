// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} here is Fn::Sub and IAM policy-variable syntax
/** Hostile templates: each fails with a clear error (and a position when the text is at fault), in bounded time, changing nothing. */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { importRefusal } from './helpers';

const role = (name: string, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    RoleName: name,
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    },
    ...extra,
  },
});
const template = (resources: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  JSON.stringify({ Resources: resources, ...more });

const rejection = importRefusal;

describe('text the importer cannot read', () => {
  it('bad JSON: line and column', async () => {
    const e = await rejection('{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket", }\n  }\n}');
    expect([e.line, e.column]).toEqual([3, 39]);
    expect(e.message).toMatch(/line 3, column 39/);
  });
  it('bad YAML: line and column', async () => {
    const e = await rejection(
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: x\n',
    );
    expect(e.line).toBeGreaterThanOrEqual(4);
    expect(e.column).toBeGreaterThan(0);
  });
  it('bad YAML: the message gives the position once; the code frame is kept apart', async () => {
    const e = await rejection(
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: x\n',
    );
    expect(e.message.match(/line \d+, column \d+/g)).toEqual([`line ${e.line}, column ${e.column}`]);
    expect(e.message).toBe(
      `Invalid YAML: Flow map in block collection must be sufficiently indented and end with a } (line ${e.line}, column ${e.column})`,
    );
    expect(e.frame).toContain('Properties: { BucketName: x');
    expect(e.frame).toMatch(/\^$/);
  });
  it('an unknown short-form tag, with its position', async () => {
    const e = await rejection(
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Reff x\n',
    );
    expect(e.message).toMatch(/Unknown YAML tag !Reff/);
    expect(e.line).toBe(5);
  });
  it('over 1 MB', async () => {
    const e = await rejection(template({ A: { Type: 'AWS::S3::Bucket', Metadata: 'x'.repeat(1_000_001) } }));
    expect(e.message).toMatch(/limit is 1000000/);
  });
  it('JSON nested 100,000 deep', async () => {
    const e = await rejection(`{"Resources": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(e.message).toMatch(/nesting deeper than 100/);
  });
  it('YAML nested deeply (flow and block)', async () => {
    await rejection(`Resources: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    let block = 'Resources:\n';
    for (let i = 1; i < 400; i++) block += `${' '.repeat(i)}k${i}:\n`;
    await rejection(block);
  });
  it('a YAML alias bomb', async () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    text += 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: *a9\n';
    const e = await rejection(text);
    expect(e.message).toMatch(/alias/);
  });
});

describe('odd shapes of text', () => {
  it('a YAML mapping as a mapping key: refused with its position, not a TypeError', async () => {
    const e = await rejection('Resources:\n  ? {a: b}\n  : Type: AWS::SNS::Topic\n');
    expect(e.message).toMatch(/^Invalid YAML: a mapping key must be a plain value/);
    expect(e.line).toBe(2);
  });
  it('YAML keys that differ only in type (1 and "1") are one key twice: the last kept, and said', async () => {
    const r = await importStack(
      'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Metadata:\n      1: a\n      "1": b\n',
    );
    expect(r.findings.filter((f) => f.code === 'duplicate-key').map((f) => f.path)).toEqual([
      'Resources.A.Metadata.1',
    ]);
  });
  it('JSON after a byte order mark reads as JSON', async () => {
    const r = await importStack(`\uFEFF${template({ A: role('bom') })}`);
    expect(Object.keys(r.state.iam.roles)).toEqual(['bom']);
  });
  it('YAML with CRLF line ends reads as with LF', async () => {
    const yaml = [
      'Resources:',
      '  A:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      RoleName: !Sub "${AWS::Region}-crlf"',
      '      AssumeRolePolicyDocument:',
      '        Statement:',
      '          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: "sts:AssumeRole"}',
      '',
    ].join('\r\n');
    expect(Object.keys((await importStack(yaml)).state.iam.roles)).toEqual(['us-east-1-crlf']);
  });
  it.each([
    ['a JSON list', '[{"Resources": {}}]'],
    ['a JSON string', '"Resources"'],
    ['a YAML scalar', 'Resources'],
    ['a YAML list', '- Resources: {}\n'],
  ])('%s is not a template', async (_, text) => {
    expect((await rejection(text)).message).toBe('A template must be an object with a Resources section');
  });
  it('an alias bomb is refused in well under a second', async () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 20; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    text += 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: *a19\n';
    const started = performance.now();
    await rejection(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('templates CloudFormation would refuse', () => {
  it('a Ref cycle', async () => {
    const e = await rejection(
      template({ A: role('a', { Description: { Ref: 'B' } }), B: role('b', { Description: { Ref: 'A' } }) }),
    );
    expect(e.message).toMatch(
      /Circular dependency between resources: A, B|Circular dependency between resources: B, A/,
    );
  });
  it('a DependsOn cycle, and a Fn::Sub / Fn::GetAtt one', async () => {
    await rejection(template({ A: { ...role('a'), DependsOn: 'B' }, B: { ...role('b'), DependsOn: ['A'] } }));
    await rejection(
      template({
        A: role('a', { Description: { 'Fn::Sub': '${B.Arn}' } }),
        B: role('b', { Description: { 'Fn::GetAtt': ['A', 'Arn'] } }),
      }),
    );
  });
  it('a condition that names itself', async () => {
    const e = await rejection(
      template({ A: { ...role('a'), Condition: 'C' } }, { Conditions: { C: { Condition: 'C' } } }),
    );
    expect(e.message).toMatch(/Circular condition/);
  });
  it('a policy with thousands of statements: over the IAM quota', async () => {
    const Statement = Array.from({ length: 5_000 }, (_, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::b/${i}`,
    }));
    const e = await rejection(
      template({
        A: role('a', {
          Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement } }],
        }),
      }),
    );
    expect(e.message).toMatch(
      /Resources\.A\.Properties\.Policies\[0\]\.PolicyDocument: .* IAM allows at most 10240/,
    );
  });
  it('a Ref to nothing, in CloudFormation\u2019s words', async () => {
    const e = await rejection(template({ A: role('a', { Description: { Ref: 'Nope' } }) }));
    expect(e.message).toBe(
      'Resources.A.Properties.Description.Ref: Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template',
    );
  });
  it('a ${name} naming nothing, and one that is no name at all', async () => {
    const unknown = await rejection(template({ A: role('a', { Description: { 'Fn::Sub': 'x-${Nope}' } }) }));
    expect(unknown.message).toMatch(
      /: Template format error: Unresolved resource dependencies \[Nope\] in the Resources block of the template$/,
    );
    const shell = await rejection(
      template({ A: role('a', { Description: { 'Fn::Sub': 'echo ${err:-none captured}' } }) }),
    );
    expect(shell.message).toMatch(
      /Template error: variable names in Fn::Sub syntax must contain only alphanumeric characters, underscores, periods, and colons/,
    );
  });
  it('Fn::GetAtt of nothing, Fn::Select past the end, Fn::FindInMap of a missing key: CloudFormation\u2019s words', async () => {
    const getAtt = await rejection(
      template({ A: role('a', { Description: { 'Fn::GetAtt': ['Nope', 'Arn'] } }) }),
    );
    expect(getAtt.message).toMatch(
      /: Template error: instance of Fn::GetAtt references undefined resource Nope$/,
    );
    const select = await rejection(
      template({ A: role('a', { Description: { 'Fn::Select': [2, ['x', 'y']] } }) }),
    );
    expect(select.message).toMatch(
      /: Template error: Fn::Select cannot select nonexistent value at index 2$/,
    );
    const map = await rejection(
      template(
        { A: role('a', { Description: { 'Fn::FindInMap': ['Env', 'prod', 'Name'] } }) },
        { Mappings: { Env: { dev: { Name: 'd' } } } },
      ),
    );
    expect(map.message).toMatch(/: Template error: Unable to get mapping for Env::prod::Name$/);
  });
});

describe('prototype names and huge values', () => {
  it('constructor, isPrototypeOf and toString as logical ids, hasOwnProperty and valueOf as parameter names, are ordinary names', async () => {
    const text = `{"Parameters": {"hasOwnProperty": {"Type": "String", "Default": "p"}, "valueOf": {"Type": "String", "Default": "c"}},
      "Resources": {"isPrototypeOf": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "b-\${hasOwnProperty}-\${valueOf}-\${constructor}"}}},
        "constructor": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "toString", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
        "toString": {"Type": "AWS::SNS::Topic"}}}`;
    const r = await importStack(text);
    expect(Object.keys(r.state.s3.buckets)).toEqual(['b-p-c-toString']);
    expect(Object.keys(r.state.iam.roles)).toEqual(['toString']);
    expect(r.unsupported).toContainEqual(expect.objectContaining({ path: 'Resources.toString' }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
  it('refuses __proto__ and other non-alphanumeric logical ids as CloudFormation does', async () => {
    const refused = (section: string, body: string) =>
      importStack(
        `{${section === 'Resources' ? '' : `"Resources": {"A": {"Type": "AWS::SNS::Topic"}}, `}"${section}": ${body}}`,
      );
    await expect(refused('Resources', '{"__proto__": {"Type": "AWS::SNS::Topic"}}')).rejects.toThrow(
      'Template format error: Resource name __proto__ is non alphanumeric.',
    );
    await expect(refused('Parameters', '{"my-param": {"Type": "String"}}')).rejects.toThrow(
      'Template format error: Parameter name my-param is non alphanumeric.',
    );
    await expect(refused('Outputs', '{"__proto__": {"Value": "x"}}')).rejects.toThrow(
      "Template format error: Outputs name '__proto__' is non alphanumeric.",
    );
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
  it('a 900 KB string imports in bounded time', async () => {
    const started = performance.now();
    const r = await importStack(
      template({
        A: {
          Type: 'AWS::SSM::Parameter',
          Properties: { Name: '/big', Type: 'String', Value: 'v'.repeat(900_000) },
        },
      }),
    );
    expect(r.state.ssm.parameters['/big']?.value.length).toBe(900_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
