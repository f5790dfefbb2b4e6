import { evaluate, type IamRole, type PolicyStatement } from '../sim/index';
import { policiesOf, trustRequest } from './callers';
import type { Finding, ReviewInput } from './findings-types';
import { DOCS } from './findings-docs';

/**
 * Identity-pool findings: role trust without `aud` / `amr`, what guests may do, the classic flow,
 * role mappings whose fallback lands on a privileged role, group-precedence ties, and per-user S3
 * paths keyed on the user pool's `sub` (not a key IAM knows for these sessions).
 */
const COGNITO = 'cognito-identity.amazonaws.com';
const FOREIGN_POOL = 'us-east-1:99999999-9999-4999-8999-999999999999';
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
const statements = (doc: { Statement: PolicyStatement | PolicyStatement[] }) =>
  Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
/** Telemetry ingestion a guest is meant to do (RUM, Pinpoint/Mobile Analytics events, Firehose and Logs puts): not flagged as writes. */
const INGEST =
  /^(rum:PutRumEvents|mobileanalytics:PutEvents|mobiletargeting:PutEvents|firehose:PutRecord(Batch)?|kinesis:PutRecords?|logs:PutLogEvents|logs:CreateLogStream)$/i;
const isIngest = (action: string) => INGEST.test(action);
/** The most writes a finding names one by one; past it, the last place says how many more. */
const MAX_NAMED = 8;
const WRITE =
  /^[a-z0-9-]+:(Put|Delete|Update|Create|Write|Batch(Write)?|Post|Modify|Attach|Detach|Set|Add|Remove|Tag|Untag|Restore|Copy|Upload|Send|Publish|Invoke)/i;

function trustsCognito(s: PolicyStatement): boolean {
  const principal = s.Principal;
  const federated = principal && principal !== '*' ? list(principal.Federated) : [];
  return (
    s.Effect === 'Allow' &&
    federated.includes(COGNITO) &&
    list(s.Action).some((a) => /^sts:(AssumeRoleWithWebIdentity|\*)$|^\*$/i.test(a))
  );
}

function conditionKeys(s: PolicyStatement): string[] {
  return Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block).map((k) => k.toLowerCase()));
}

function trustFindings(input: ReviewInput, role: IamRole): Finding[] {
  const out: Finding[] = [];
  const path = input.built.origins.get(`role:${role.arn}`) ?? `role ${role.roleName}`;
  for (const s of statements(role.trustPolicy).filter(trustsCognito)) {
    const keys = conditionKeys(s);
    if (!keys.includes(`${COGNITO}:aud`)) {
      const request = trustRequest(
        input.view,
        role,
        FOREIGN_POOL,
        ['authenticated'],
        `${FOREIGN_POOL.split(':')[0]}:x`,
      );
      const result = evaluate(request);
      out.push({
        code: 'identity-pool-trust-missing-aud',
        severity: 'high',
        path: `${path}.Properties.AssumeRolePolicyDocument`,
        message: `Role ${role.roleName} trusts ${COGNITO} without a ${COGNITO}:aud condition: an identity from any identity pool, in any account, can assume it (the proof: an identity of another pool, ${FOREIGN_POOL}, is ${result.decision === 'Allow' ? 'allowed' : 'refused'}). IAM now refuses to create such a trust policy, so this template would also fail to deploy. Add StringEquals ${COGNITO}:aud = your identity pool id.`,
        docs: DOCS.roleTrust,
        proof: { request, result },
      });
    }
    if (!keys.includes(`${COGNITO}:amr`)) {
      out.push({
        code: 'identity-pool-trust-missing-amr',
        severity: 'medium',
        path: `${path}.Properties.AssumeRolePolicyDocument`,
        message: `Role ${role.roleName} trusts ${COGNITO} without a ForAnyValue:StringLike ${COGNITO}:amr condition: guests (amr "unauthenticated") and signed-in users alike can assume it through the basic flow. Add amr "authenticated" or "unauthenticated" to match the role's purpose.`,
        docs: DOCS.roleTrust,
        proof: (() => {
          const request = trustRequest(
            input.view,
            role,
            String(list(s.Condition?.StringEquals?.[`${COGNITO}:aud`])[0] ?? FOREIGN_POOL),
            ['unauthenticated'],
            'x',
          );
          return { request, result: evaluate(request) };
        })(),
      });
    }
  }
  return out;
}

function guestFindings(input: ReviewInput): Finding[] {
  const out: Finding[] = [];
  const { matrix } = input.model;
  for (const pool of Object.values(input.view.state.cognitoIdentity.pools)) {
    const path =
      input.built.origins.get(`identity-pool:${pool.IdentityPoolId}`) ??
      `identity pool ${pool.IdentityPoolName}`;
    const attachment = input.built.origins.get(`attachment:${pool.IdentityPoolId}`) ?? path;
    if (pool.AllowClassicFlow)
      out.push({
        code: 'classic-flow-allowed',
        severity: 'medium',
        path: `${path}.Properties.AllowClassicFlow`,
        // GetOpenIdToken refuses every caller of a pool with role mappings (the engine's
        // classicFlowWithRoleMappings), so the risk differs with and without them.
        message:
          Object.keys(pool.RoleMappings).length > 0
            ? `Identity pool ${pool.IdentityPoolName} allows the basic (classic) flow, but it has role mappings, so GetOpenIdToken refuses every caller ("Basic (classic) flow is not supported with RoleMappings, please use enhanced flow."): the setting only invites clients that cannot work. Turn it off.`
            : `Identity pool ${pool.IdentityPoolName} allows the basic (classic) flow: callers get an OpenID token and call STS themselves with any role that trusts this pool, and the guest scope-down session policy is not applied. Turn it off unless a client needs it.`,
        docs: DOCS.authFlow,
      });
    const guestArn = pool.AllowUnauthenticatedIdentities ? pool.Roles.unauthenticated : undefined;
    const guest = guestArn
      ? Object.values(input.view.state.iam.roles).find((r) => r.arn === guestArn)
      : undefined;
    if (!guest) continue;
    const rolePath = input.built.origins.get(`role:${guest.arn}`) ?? attachment;
    for (const caller of matrix.callers.filter(
      // Only guest rows refused by the guest role's trust: the proof below is that role's trust check.
      (c) => c.refusal === 'trust' && c.id === `guest:${pool.IdentityPoolId}`,
    ))
      out.push({
        code: 'identity-pool-role-trust-rejects',
        severity: 'low',
        path: rolePath,
        message: `${caller.label} gets no credentials: ${caller.blocked}. GetCredentialsForIdentity answers InvalidIdentityPoolConfigurationException. If this is meant to be off, detach the role (or turn the access off) instead of relying on the trust mismatch; if it is meant to work, fix the amr/aud condition.`,
        docs: DOCS.roleTrust,
        proof: (() => {
          const request = trustRequest(
            input.view,
            guest,
            pool.IdentityPoolId,
            ['unauthenticated'],
            `${pool.IdentityPoolId.split(':')[0]}:x`,
          );
          return { request, result: evaluate(request) };
        })(),
      });
    for (const caller of matrix.callers.filter(
      (c) => c.id.startsWith('guest') && c.id.endsWith(pool.IdentityPoolId),
    )) {
      const isWrite = (id: string) => {
        const action = matrix.actions.find((a) => a.id === id)?.action ?? '';
        return WRITE.test(action) && !isIngest(action);
      };
      // "Depends" cells count: a guest who can write when the request meets a condition can write.
      const allowed = matrix.cells.filter(
        (c) => c.caller === caller.id && (c.decision === 'allow' || c.decision === 'conditional'),
      );
      const writes = allowed.filter((c) => isWrite(c.action));
      const first = writes[0];
      if (first) {
        // Every write is named, or the count of the rest given: the matrix beside it shows them all, and
        // a list cut short without saying so read as if the others were not allowed.
        const named = [...new Set(writes.map((w) => w.action))];
        const shown = named.length > MAX_NAMED ? named.slice(0, MAX_NAMED - 1) : named;
        const more = named.length - shown.length;
        // The telemetry left out on purpose is said too: the matrix shows it allowed.
        const telemetry = [
          ...new Set(
            allowed.map((c) => matrix.actions.find((a) => a.id === c.action)?.action ?? '').filter(isIngest),
          ),
        ];
        out.push({
          code: 'unauth-role-can-write',
          severity: 'high',
          path: rolePath,
          message:
            `${caller.label} (no sign-in needed) may write: ${shown.join('; ')}` +
            `${more ? `; and ${more} more (see the matrix)` : ''}. Anyone on the internet can get these ` +
            'credentials; give guests read-only access to what is public.' +
            (telemetry.length
              ? ` Not counted here: ${telemetry.join(', ')}, telemetry a guest app is meant to send.`
              : ''),
          docs: DOCS.iamRoles,
          proof: { caller: first.caller, action: first.action },
        });
      }
    }
    for (const policy of policiesOf(input.view, guest)) {
      for (const s of statements(policy.document)) {
        if (s.Effect !== 'Allow') continue;
        const wildAction = list(s.Action).find((a) => a === '*' || a.endsWith(':*'));
        const wildResource = list(s.Resource).includes('*');
        if (wildAction || wildResource || s.NotAction !== undefined)
          out.push({
            code: 'unauth-role-wildcard',
            severity: wildAction === '*' ? 'high' : 'medium',
            path: rolePath,
            message: `The guest role ${guest.roleName} (${policy.name}${s.Sid ? `, statement ${s.Sid}` : ''}) allows ${wildAction ?? list(s.Action).join(', ')} on ${list(s.Resource).join(', ') || '(NotResource)'}: wildcards give unauthenticated callers more than they need. Name the actions and resources.`,
            docs: DOCS.leastPrivilege,
          });
      }
    }
  }
  return out;
}

/** A matrix cell the pool's default authenticated role allows and some role of this mapping denies. */
function moreThanMapped(
  input: ReviewInput,
  poolId: string,
  provider: string,
): { caller: string; action: string; label: string } | undefined {
  const { matrix } = input.model;
  const auth = `auth:${poolId}`;
  const mapped = matrix.callers.filter(
    (c) =>
      !c.blocked &&
      (c.id.startsWith(`rule:${poolId}:${provider}:`) ||
        (c.id.startsWith(`group:${poolId}:`) && provider.includes(c.id.split(':')[3] ?? '\u0000'))),
  );
  for (const cell of matrix.cells) {
    if (cell.caller !== auth || cell.decision !== 'allow') continue;
    const denied = mapped.some((m) =>
      matrix.cells.some((c) => c.caller === m.id && c.action === cell.action && c.decision === 'deny'),
    );
    if (denied)
      return {
        caller: auth,
        action: cell.action,
        label: matrix.actions.find((a) => a.id === cell.action)?.resource ?? cell.action,
      };
  }
  return undefined;
}

function mappingFindings(input: ReviewInput): Finding[] {
  const out: Finding[] = [];
  for (const pool of Object.values(input.view.state.cognitoIdentity.pools)) {
    for (const [provider, mapping] of Object.entries(pool.RoleMappings)) {
      const path =
        input.built.origins.get(`mapping:${pool.IdentityPoolId}:${provider}`) ??
        `identity pool ${pool.IdentityPoolName}`;
      const fallback =
        (mapping.AmbiguousRoleResolution ?? 'AuthenticatedRole') === 'AuthenticatedRole'
          ? pool.Roles.authenticated
          : undefined;
      const extra = fallback ? moreThanMapped(input, pool.IdentityPoolId, provider) : undefined;
      if (fallback && extra)
        out.push({
          code: 'role-mapping-ambiguous-privileged',
          severity: 'medium',
          path,
          message: `${mapping.Type} role mapping for ${provider} falls back to the authenticated role (${fallback.split('/').pop()}) when ${mapping.Type === 'Token' ? 'the token has no cognito:preferred_role (no group, or groups of equal precedence with different roles)' : 'no rule matches'}, and that role may do what a mapped role may not (${extra.label}): an ambiguous user gets more than a mapped one. Use AmbiguousRoleResolution Deny, or make the authenticated role the least privileged.`,
          docs: DOCS.roleMapping,
          proof: { caller: extra.caller, action: extra.action },
        });
      if (mapping.Type !== 'Token') continue;
      const userPoolId = provider.split('/')[1]?.split(':')[0] ?? '';
      const groups = Object.values(input.view.state.cognitoIdp.pools[userPoolId]?.groups ?? {}).filter(
        (g) => g.roleArn,
      );
      // Only a tie between different roles drops the claim: "If two groups with the same Precedence
      // have the same role ARN, that role is used in the cognito:preferred_role claim" (CreateGroup).
      const seen = new Map<string, { groupName: string; roleArn?: string }>();
      for (const g of groups) {
        const key = g.precedence === undefined ? 'none' : String(g.precedence);
        const other = seen.get(key);
        if (other === undefined) seen.set(key, g);
        else if (other.roleArn !== g.roleArn)
          out.push({
            code: 'group-precedence-tie',
            severity: 'low',
            path: input.built.origins.get(`group:${userPoolId}:${g.groupName}`) ?? path,
            message: `Groups ${other.groupName} and ${g.groupName} have the same precedence (${key}) and different roles: a member of both gets no cognito:preferred_role, so the token mapping resolves ambiguously (${mapping.AmbiguousRoleResolution ?? 'AuthenticatedRole'}). Give each group with a role its own precedence.`,
            docs: DOCS.roleMapping,
          });
      }
    }
  }
  return out;
}

function userPoolSubFindings(input: ReviewInput): Finding[] {
  const out: Finding[] = [];
  for (const role of Object.values(input.view.state.iam.roles)) {
    for (const p of policiesOf(input.view, role)) {
      const text = JSON.stringify(p.document);
      const m = /\$\{(cognito-idp\.[^}]*:sub|cognito-idp[^}]*)\}/.exec(text);
      if (m)
        out.push({
          code: 's3-path-keyed-on-user-pool-sub',
          severity: 'medium',
          path: input.built.origins.get(`role:${role.arn}`) ?? `role ${role.roleName}`,
          message: `${role.roleName} (${p.name}) keys resources on \${${m[1]}}: identity-pool credentials carry no such key, so the path never matches (or matches in no way the owner expects). Per-user prefixes use \${cognito-identity.amazonaws.com:sub}, the identity id.`,
          docs: DOCS.s3PerUser,
        });
    }
  }
  return out;
}

export function reviewIdentityPools(input: ReviewInput): Finding[] {
  return [
    ...Object.values(input.view.state.iam.roles).flatMap((r) => trustFindings(input, r)),
    ...guestFindings(input),
    ...mappingFindings(input),
    ...userPoolSubFindings(input),
  ];
}
