/**
 * Who is calling GetCredentialsForIdentity / GetOpenIdToken: the identity named in the request, the
 * logins sent with it (verified, then linked or merged, docs/aws-reference.md §4.11) and whether that makes the
 * call authenticated. The returned identity can differ from the requested one after a merge.
 */
import type { RequestContext } from '../../core/service';
import { IdentityErrors } from './errors';
import { attachLogins, isAuthenticated } from './identities';
import { type VerifiedLogin, verifyLogins } from './logins';
import { identityIdInput, loginsInput, requireIdentity, requirePool } from './lookup';
import type { IdentityPoolConfig, IdentityRecord } from './state';

export interface ResolvedCaller {
  pool: IdentityPoolConfig;
  identity: IdentityRecord;
  logins: VerifiedLogin[];
  authenticated: boolean;
  /** The OpenID token's `amr`: `["unauthenticated"]` or `["authenticated", <provider>, <provider:user> …]`. */
  amr: string[];
}

export async function resolveCaller(
  ctx: RequestContext,
  input: Record<string, unknown>,
): Promise<ResolvedCaller> {
  const identityId = identityIdInput(input);
  const rawLogins = loginsInput(input);
  const requested = requireIdentity(ctx.world, identityId);
  const pool = requirePool(ctx.world, requested.identityPoolId);
  if (Object.keys(rawLogins).length === 0) {
    if (requested.mergedInto) throw IdentityErrors.identityForbidden(identityId);
    // An authenticated identity must present one of its logins (docs/aws-reference.md §4.7, §4.12).
    if (isAuthenticated(requested)) throw IdentityErrors.loginsDontMatch();
    if (!pool.AllowUnauthenticatedIdentities) throw IdentityErrors.guestsNotSupported();
    return { pool, identity: requested, logins: [], authenticated: false, amr: ['unauthenticated'] };
  }
  const logins = await verifyLogins(ctx, pool, rawLogins, {
    acceptCognitoToken: true,
    acceptDeveloperProvider: false,
  });
  const { identity } = attachLogins(
    ctx,
    pool.IdentityPoolId,
    logins,
    requested.mergedInto ? undefined : requested,
  );
  if (identity.identityId !== identityId) {
    ctx.emit(
      'identity.changed',
      `The call returns ${identity.identityId}, not ${identityId}: clients must update their cached id`,
      {
        requested: identityId,
        returned: identity.identityId,
      },
    );
  }
  return {
    pool,
    identity,
    logins,
    authenticated: true,
    amr: ['authenticated', ...logins.flatMap((l) => l.amr)],
  };
}
