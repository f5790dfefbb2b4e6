import type { PacketKind, ScenarioStep } from '../../scenarios/types';
import { PACKETS } from './packets';

/**
 * What a packet carries, in the words a reader knows, derived from the step: the same kind of packet
 * ("jwt") is the access token on GetUser but the ID token on GetId. One table, in the UI layer.
 */
const OUT_BY_OPERATION: Record<string, string> = {
  InitiateAuth: 'username + password',
  ForgotPassword: 'username',
  ConfirmForgotPassword: 'code + new password',
  'GET /oauth2/authorize': 'client id + callback',
  'GET /oauth2/idpresponse': 'Google’s code',
  GetUser: 'access token',
  GlobalSignOut: 'access token',
  AssumeRoleWithWebIdentity: 'OpenID token + role',
  AssumeRoleWithSAML: 'SAML assertion + role',
  AssumeRole: 'signed request + role',
  GetFederationToken: 'signed request + policy',
  GetSessionToken: 'signed request (+ MFA)',
  'POST /oauth2/token': 'authorization code',
};

const BACK_BY_OPERATION: Record<string, string> = {
  InitiateAuth: 'ID, access, refresh tokens',
  RespondToAuthChallenge: 'ID, access, refresh tokens',
  ForgotPassword: 'where the code went',
  'GET /oauth2/authorize': 'redirect to the IdP',
  'Google sign-in (POST)': 'redirect with a code',
  'GET /oauth2/idpresponse': 'redirect with a code',
  'POST /saml2/idpresponse': 'redirect with a code',
  'POST /oauth2/token': 'ID, access, refresh tokens',
  GetUser: 'user attributes',
  GlobalSignOut: 'empty 200',
  GetId: 'identity id',
  GetOpenIdToken: 'OpenID token',
};

/** Short words for a kind when the operation has no entry above. */
const KIND_WORDS: Record<PacketKind, string> = {
  password: 'password',
  jwt: 'ID token',
  idpToken: 'IdP ID token',
  samlAssertion: 'SAML assertion',
  identityId: 'identity id',
  openIdToken: 'OpenID token',
  credentials: 'credentials',
  signedRequest: 'signed request',
  data: 'answer',
  denied: 'refusal',
};

export interface PacketWords {
  out: string;
  back: string;
  outColor: string;
  backColor: string;
}

function own(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The identity pool's calls carry Logins (a token) except for guests: the request says which. */
function identityPoolOut(operation: string, body: string | undefined): string | undefined {
  const logins = !!body && body.includes('"Logins"');
  if (operation === 'GetId') return logins ? 'token in Logins' : 'pool id (no token)';
  if (operation === 'GetCredentialsForIdentity' || operation === 'GetOpenIdToken')
    return logins ? 'identity id + token' : 'identity id';
  return undefined;
}

/** InitiateAuth with REFRESH_TOKEN_AUTH sends the refresh token, and its answer has no new one. */
const refreshing = (operation: string, body: string | undefined) =>
  operation === 'InitiateAuth' && !!body && /"REFRESH_TOKEN(_AUTH)?"/.test(body);

/**
 * Words and colours for the current step's packet, both legs, from the step and the request that was
 * really sent; a refused answer always reads "refusal".
 */
export function packetWords(
  step: Pick<ScenarioStep, 'operation' | 'packet' | 'returns' | 'sends' | 'receives'>,
  refused: boolean,
  requestBody?: string,
): PacketWords {
  const backKind: PacketKind = refused ? 'denied' : step.returns;
  const refresh = refreshing(step.operation, requestBody);
  const out =
    step.sends ??
    (refresh ? 'refresh token' : undefined) ??
    identityPoolOut(step.operation, requestBody) ??
    own(OUT_BY_OPERATION, step.operation) ??
    KIND_WORDS[step.packet];
  const back = refused
    ? KIND_WORDS.denied
    : (step.receives ??
      (refresh ? 'ID and access tokens' : undefined) ??
      (step.returns === 'credentials'
        ? 'credentials'
        : (own(BACK_BY_OPERATION, step.operation) ?? KIND_WORDS[backKind])));
  return {
    out,
    back,
    outColor: PACKETS[step.packet].color,
    backColor: PACKETS[backKind].color,
  };
}
