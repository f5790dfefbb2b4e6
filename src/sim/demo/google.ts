import { setOwn } from '../core/dict';
import type { Demo } from '../types';
import { signGoogleIdToken } from '../services/idp-google/id-token';
import { googleSignIn } from '../services/idp-google/oauth';
import type { GoogleAccount } from '../services/idp-google/state';
import { registerPoolIdentityProvider } from '../services/cognito-idp/oauth/state';
import { ALPHANUMERIC } from '../core/random';
import type { World } from '../world';
import type { DemoIds } from './ids';

/** The hosted-domain URL Google sends the user pool's users back to. */
export const poolIdpResponseUrl = (ids: DemoIds, region: string) =>
  `https://${ids.userPoolDomainPrefix}.auth.${region}.amazoncognito.com/oauth2/idpresponse`;

/** The demo app's own callback, for apps that talk to Google directly (Google → identity pool). */
export const DEMO_APP_CALLBACK = 'https://app.identity-atlas.test/callback';

const PEOPLE: Omit<GoogleAccount, 'sub'>[] = [
  {
    email: 'carol@gmail.com',
    password: 'Carol-Gmail-2024!',
    name: 'Carol Rivera',
    givenName: 'Carol',
    familyName: 'Rivera',
    picture: 'https://lh3.googleusercontent.com/a/carol=s96-c',
  },
  {
    email: 'frank@gmail.com',
    password: 'Frank-Gmail-2024!',
    name: 'Frank Osei',
    givenName: 'Frank',
    familyName: 'Osei',
  },
];

/** Seeds Google: its accounts (numeric subs from world.random), the demo OAuth client, and the pool's Google IdP. */
export async function seedGoogle(world: World, ids: DemoIds): Promise<void> {
  const google = world.state.google;
  // Google subs are 21-digit decimal strings starting with 1 (obs: "100699090485695364248").
  google.accounts = PEOPLE.map((p) => ({ ...p, sub: `10${world.random.string(19, '0123456789')}` }));
  const clientSecret = `GOCSPX-${world.random.string(28, `${ALPHANUMERIC}-_`)}`;
  setOwn(google.clients, ids.googleClientId, {
    clientId: ids.googleClientId,
    clientSecret,
    redirectUris: [poolIdpResponseUrl(ids, world.region), DEMO_APP_CALLBACK],
  });
  registerPoolIdentityProvider(world, ids.userPoolId, {
    providerName: 'Google',
    providerType: 'Google',
    google: { clientId: ids.googleClientId, clientSecret, authorizeScopes: 'openid email profile' },
    attributeMapping: {
      email: 'email',
      email_verified: 'email_verified',
      name: 'name',
      given_name: 'given_name',
      family_name: 'family_name',
      picture: 'picture',
      username: 'sub',
    },
  });
}

/** The google part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeGoogle(world: World, ids: DemoIds): Partial<Demo> {
  return {
    google: {
      clientId: ids.googleClientId,
      users: world.state.google.accounts.map((a) => ({ username: a.email, password: a.password })),
      async signIn(username: string, password: string): Promise<string> {
        const result = googleSignIn(world, username, password);
        if (!result.ok) throw new Error(result.message);
        return signGoogleIdToken(world, result.account, { clientId: ids.googleClientId });
      },
    },
  };
}
