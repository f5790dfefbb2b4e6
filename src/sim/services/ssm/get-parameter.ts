/**
 * SSM GetParameter (AWS JSON 1.1, `AmazonSSM.GetParameter`), authorised as `ssm:GetParameter` on the
 * parameter ARN. SSM sits outside the Cognito guest scope-down list (docs/aws-reference.md §4.9), so an
 * enhanced-flow guest is refused even where the guest role allows it: the evaluator reports that no
 * session policy allows the action, and SSM's AccessDeniedException says so.
 */
import { getOwn } from '../../core/dict';
import type { Caller } from '../../auth/caller';
import { ssmErrors } from './errors';
import type { RequestContext } from '../../core/service';
import { createValidator } from '../../core/validate';
import { accessDeniedMessage } from '../../iam/evaluate';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorize } from '../s3/authorize';
import { parameterArn } from './state';

const validator = createValidator('ValidationException');

/** Accepts a name (`/atlas/public/greeting`) or the parameter's ARN, as SSM does. */
function nameFrom(ctx: RequestContext, raw: string): string {
  const prefix = `arn:aws:ssm:${ctx.world.region}:${ctx.world.accountId}:parameter`;
  if (!raw.startsWith('arn:')) return raw;
  const rest = raw.startsWith(prefix) ? raw.slice(prefix.length) : '';
  return rest.startsWith('/') ? rest : '';
}

export function getParameter(
  input: JsonInput,
  ctx: RequestContext,
  caller: Caller,
  url: URL,
  userAgent: string | null,
) {
  const raw = validator.string(input, 'Name', { min: 1, max: 2048 }, 'name');
  if (input.WithDecryption !== undefined && typeof input.WithDecryption !== 'boolean') {
    validator.fail(
      `Invalid type for parameter WithDecryption, value: ${JSON.stringify(input.WithDecryption)}`,
    );
  }
  const { world } = ctx;
  const name = nameFrom(ctx, raw);
  const arn = parameterArn(world.region, world.accountId, name || raw);
  const result = authorize(ctx, {
    caller,
    action: 'ssm:GetParameter',
    resource: arn,
    resourceAccountId: world.accountId,
    url,
    userAgent,
  });
  if (result.decision !== 'Allow') {
    throw ssmErrors.accessDenied(
      accessDeniedMessage(caller.arn, 'ssm:GetParameter', arn, result, { quoteResource: false }),
    );
  }
  const parameter = getOwn(world.state.ssm.parameters, name);
  if (!parameter) throw ssmErrors.parameterNotFound();
  // WithDecryption only matters for SecureString; String and StringList come back as stored.
  return {
    Parameter: {
      Name: parameter.name,
      Type: parameter.type,
      Value: parameter.value,
      Version: parameter.version,
      LastModifiedDate: parameter.lastModifiedDate / 1000,
      ARN: parameterArn(world.region, world.accountId, parameter.name),
      DataType: parameter.dataType,
    },
  };
}
