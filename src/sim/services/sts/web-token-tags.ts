/**
 * The session-tags claim of a web identity token (IAM User Guide, "Passing session tags using
 * AssumeRoleWithWebIdentity"): `"https://aws.amazon.com/tags": {"principal_tags": {"<key>": ["<value>"]},
 * "transitive_tag_keys": ["<key>"]}`. Each tag holds one value, written as a one-element array.
 */
import type { JWTPayload } from 'jose';
import { stsErrors } from './errors';

export const TAGS_CLAIM = 'https://aws.amazon.com/tags';

export function webTokenTags(claims: JWTPayload): { pairs: [string, string][]; transitive: string[] } {
  const claim = claims[TAGS_CLAIM];
  if (claim === undefined) return { pairs: [], transitive: [] };
  const body = claim as { principal_tags?: unknown; transitive_tag_keys?: unknown };
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw malformed();
  const pairs: [string, string][] = [];
  const principalTags = body.principal_tags ?? {};
  if (typeof principalTags !== 'object' || principalTags === null || Array.isArray(principalTags))
    throw malformed();
  for (const [key, raw] of Object.entries(principalTags)) {
    const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (typeof value !== 'string') throw malformed();
    pairs.push([key, value]);
  }
  const transitive = body.transitive_tag_keys ?? [];
  if (!Array.isArray(transitive) || transitive.some((k) => typeof k !== 'string')) throw malformed();
  return { pairs, transitive: transitive as string[] };
}

/** The STS API reference's general InvalidIdentityToken sentence; no specific one is published. (unv) */
const malformed = () => stsErrors.invalidIdentityToken();

const SAML_TAG_PREFIX = 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:';
const SAML_TRANSITIVE = 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys';

/**
 * Session tags of a SAML assertion (IAM User Guide, "Passing session tags using AssumeRoleWithSAML"):
 * one `…/PrincipalTag:<key>` attribute per tag with a single value, and a multivalued
 * `…/TransitiveTagKeys` attribute.
 */
export function samlTags(attributes: Record<string, string[]>): {
  pairs: [string, string][];
  transitive: string[];
} {
  const pairs: [string, string][] = [];
  for (const [name, values] of Object.entries(attributes)) {
    if (!name.startsWith(SAML_TAG_PREFIX)) continue;
    pairs.push([name.slice(SAML_TAG_PREFIX.length), values[0] ?? '']);
  }
  return { pairs, transitive: [...(attributes[SAML_TRANSITIVE] ?? [])] };
}
