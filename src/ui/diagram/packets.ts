import type { PacketKind } from '../../scenarios/types';

/** The one table from message kind to colour and label (colours are CSS variables, themed). */
export const PACKETS: Record<PacketKind, { label: string; color: string }> = {
  password: { label: 'username + password', color: 'var(--packet-password)' },
  jwt: { label: 'JWT', color: 'var(--packet-jwt)' },
  idpToken: { label: 'IdP token', color: 'var(--packet-jwt)' },
  samlAssertion: { label: 'SAML assertion', color: 'var(--packet-saml)' },
  identityId: { label: 'identity id', color: 'var(--packet-identity)' },
  openIdToken: { label: 'Cognito OpenID token', color: 'var(--packet-jwt)' },
  credentials: { label: 'AWS credentials', color: 'var(--packet-credentials)' },
  signedRequest: { label: 'SigV4-signed request', color: 'var(--packet-signed)' },
  data: { label: 'answer', color: 'var(--packet-data)' },
  denied: { label: 'denied', color: 'var(--packet-denied)' },
};
