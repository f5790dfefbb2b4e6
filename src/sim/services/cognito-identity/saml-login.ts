/**
 * A SAML login: the Logins key is the IAM SAML provider ARN and the value the base64 SAMLResponse.
 * The identity is linked by the assertion's NameID; its attributes feed rules-based role mapping.
 */
import type { RequestContext } from '../../core/service';
import { IdentityErrors } from './errors';
import type { VerifiedLogin } from './logins';

export async function verifySamlLogin(
  ctx: RequestContext,
  providerArn: string,
  samlResponse: string,
): Promise<VerifiedLogin> {
  void ctx;
  void providerArn;
  void samlResponse;
  throw IdentityErrors.cantVerify();
}
