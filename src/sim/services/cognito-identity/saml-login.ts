/**
 * A SAML login: the Logins key is the IAM SAML provider ARN and the value the base64 SAMLResponse
 * (docs/aws-reference.md §4.3). The assertion is checked as AWS checks one for AssumeRoleWithSAML (signature by
 * the provider's metadata certificate, time window, audience, recipient); the identity is linked by
 * the NameID, and the attributes feed rules-based role mapping.
 */
import { createDict, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { getSamlProvider } from '../../iam/state';
import { AWS_SAML_AUDIENCES, AWS_SAML_RECIPIENT } from '../../saml/names';
import { verifySamlResponse } from '../../saml/verify-response';
import { IdentityErrors } from './errors';
import type { VerifiedLogin } from './login-types';

export async function verifySamlLogin(
  ctx: RequestContext,
  providerArn: string,
  samlResponse: string,
): Promise<VerifiedLogin> {
  const provider = getSamlProvider(ctx.world, providerArn);
  if (!provider) throw IdentityErrors.unsupportedProvider();
  const verified = await verifySamlResponse(ctx.world, samlResponse, {
    certificates: provider.certificates,
    audience: [...AWS_SAML_AUDIENCES],
    recipient: [AWS_SAML_RECIPIENT, `https://${ctx.world.region}.signin.aws.amazon.com/saml`],
  });
  if (!verified.ok) {
    ctx.emit('token.rejected', `SAML response refused: ${verified.message}`, {
      provider: providerArn,
      code: verified.code,
    });
    // An expired assertion: the pool's "Token expired" text with epoch milliseconds (obs:
    // amazon-archives/amazon-cognito-identity-js#684, a SAML login refused with
    // "Invalid login token. Token expired: 1518436004076 >= 1518435610394").
    if (verified.code === 'expired' && verified.notOnOrAfter !== undefined)
      throw IdentityErrors.tokenExpired(verified.notOnOrAfter, ctx.world.now());
    // The pool's wording for other SAML failures is not documented; the JWT one is the closest (unv).
    throw IdentityErrors.cantVerify();
  }
  const claims = createDict<unknown>();
  for (const [name, values] of Object.entries(verified.attributes))
    setOwn(claims, name, values.length === 1 ? values[0] : values);
  // amr by analogy with the other providers (docs/aws-reference.md §4.6 gives no SAML example; unv).
  return {
    provider: providerArn,
    userId: verified.nameId,
    amr: [providerArn, `${providerArn}:${verified.nameId}`],
    claims,
    mappingKey: providerArn,
    // "The https://aws.amazon.com/SAML/Attributes/Role claim attribute specifies one or more pairs of
    // comma-delimited role and provider ARN. These are the roles that the user can assume." (identity
    // pools guide, "Customizing your user role with SAML"). Only pairs naming this provider count.
    samlRoles: verified.roles.filter((r) => r.providerArn === providerArn).map((r) => r.roleArn),
  };
}
