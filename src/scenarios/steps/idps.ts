import type { ScenarioStep } from '../types';

export function googleSignInStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'google-sign-in',
    label: '1',
    title: 'Sign in at Google',
    from: 'app',
    to: 'google',
    packet: 'password',
    returns: 'idpToken',
    operation: 'Google sign-in',
    offWire:
      "Google's own sign-in page (outside AWS): the simulated Google returns an OIDC ID token to the app.",
    expect: 'success',
    narration: {
      what: 'The person signs in on Google’s page and the app receives a Google ID token (RS256, iss https://accounts.google.com, aud = the app’s Google client id).',
      why: 'Google proves who the person is. AWS has not been involved yet.',
      misunderstanding:
        'A Google token can go straight to the identity pool; it does not have to pass through a user pool.',
    },
    code: () => ({
      sdk: '// Google Identity Services in the browser returns credential (an ID token) to your callback.',
    }),
    async run(ctx) {
      const google = ctx.need(ctx.demo.google, 'the simulated Google IdP (cloud.demo.google)');
      const user = ctx.need(google.users?.[0], 'a demo Google user');
      ctx.vars.googleIdToken = await google.signIn(user.username, user.password);
    },
    ...overrides,
  };
}

export function samlSignInStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'saml-sign-in',
    label: '1',
    title: 'Sign in at the corporate SAML IdP',
    from: 'app',
    to: 'saml',
    packet: 'password',
    returns: 'samlAssertion',
    operation: 'SAML sign-in',
    offWire:
      "ExampleCorp's IdP sign-in page (outside AWS): it returns a signed SAML response to the browser.",
    expect: 'success',
    narration: {
      what: 'The employee signs in at ExampleCorp’s IdP, which returns a signed SAML response naming the AWS role and SAML provider the person may use.',
      why: 'The company keeps its users in its own directory; AWS trusts the IdP’s signature through an IAM SAML provider.',
    },
    code: () => ({ sdk: '// The IdP posts SAMLResponse (base64 XML) to the browser, which passes it on.' }),
    async run(ctx) {
      const saml = ctx.need(ctx.demo.saml, 'the simulated corporate SAML IdP (cloud.demo.saml)');
      const user = ctx.need(saml.users?.[0], 'a demo SAML user');
      ctx.vars.samlResponse = await saml.signIn(user.username, user.password);
    },
    ...overrides,
  };
}
