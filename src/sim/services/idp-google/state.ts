/**
 * Plain, JSON-serialisable state of the simulated Google (accounts.google.com): OAuth clients,
 * accounts, and the short-lived authorization codes it has handed out. Times are epoch ms.
 */
import { createDict } from '../../core/dict';
export interface GoogleClient {
  clientId: string;
  /** Google client secrets look like `GOCSPX-` + 28 characters. */
  clientSecret: string;
  /** Authorized redirect URIs (exact match, as Google's console requires). */
  redirectUris: string[];
}

export interface GoogleAccount {
  /** What the person types: the Gmail address. */
  email: string;
  password: string;
  /** Google's stable numeric subject id (21 digits). */
  sub: string;
  name: string;
  givenName: string;
  familyName?: string;
  picture?: string;
}

export interface GoogleAuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  sub: string;
  scope: string;
  nonce?: string;
  /** Epoch seconds of the sign-in. */
  authTime: number;
  expiresAt: number;
}

export interface GoogleState {
  clients: Record<string, GoogleClient>;
  accounts: GoogleAccount[];
  codes: Record<string, GoogleAuthorizationCode>;
}

export function createGoogleState(): GoogleState {
  return { clients: createDict(), accounts: [], codes: createDict() };
}

export function findGoogleAccount(state: GoogleState, username: string): GoogleAccount | undefined {
  const wanted = username.trim().toLowerCase();
  // Google accepts the address with or without @gmail.com.
  return state.accounts.find((a) => a.email === wanted || a.email === `${wanted}@gmail.com`);
}
