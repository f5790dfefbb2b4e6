/**
 * Source identity (IAM User Guide "Monitor and control actions taken with assumed roles"): a name for
 * the person or app behind a role session, set once by AssumeRole's `SourceIdentity`, a SAML
 * `…/SourceIdentity` attribute or a web identity token's `https://aws.amazon.com/source_identity` claim.
 * Setting it needs the permissions-only action sts:SetSourceIdentity (in the trust policy, and for an
 * AWS principal in its own policies too); it then persists along a role chain and cannot change.
 */
import { stsErrors } from './errors';

export const SAML_SOURCE_IDENTITY_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/SourceIdentity';
export const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';
export const SET_SOURCE_IDENTITY = 'sts:SetSourceIdentity';

/** AssumeRole's `SourceIdentity` member (STS model sourceIdentityType). */
export const SOURCE_IDENTITY_MEMBER = { min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, text: '[\\w+=,.@-]*' };

/**
 * A source identity read from an assertion or token. 2–64 of `[a-zA-Z_0-9+=,.@-]`, not beginning with
 * `aws:`; otherwise InvalidIdentityToken with the sentence IAM's SAML troubleshooting page quotes
 * ("Source Identity must match …", status 400). No public source quotes the web identity refusal; the
 * simulation uses the same sentence for it (unv).
 */
export function assertedSourceIdentity(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\w+=,.@-]{2,64}$/.test(value) || value.startsWith('aws:'))
    throw stsErrors.invalidIdentityToken(
      'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"',
    );
  return value;
}
