import {
  attackAlgNone,
  attackForgedSignature,
  attackLegacyTrust,
  attackOtherClient,
  attackSamlReplay,
  attackStolenSessionToken,
  attackTamperedSaml,
  attackWrappedSaml,
} from './attacks';
import {
  basicFlow,
  basicFlowGoogle,
  basicFlowGuest,
  enhancedFlow,
  googleDirect,
  googleViaUserPool,
  guestFlow,
  jwtToApi,
  samlToIdentityPool,
  samlViaUserPool,
  scopedApi,
} from './flows';
import { afterSignOut } from './sign-out';
import { syncConflict } from './sync-conflict';
import { adminBackendScenario } from './admin-api';
import { centralServerPattern } from './central-server';
import { developerIdentities } from './developer-identities';
import { machineToMachine } from './machine-client';
import { directWebIdentityVsPool } from './direct-web-identity';
import { departmentAccess } from './departments';
import { stsAssumeRole, stsFederationToken, stsSaml, stsSessionToken, stsWebIdentity } from './sts-calls';
import type { Identity, Scenario } from './types';
import {
  basicFlowWithRoleMappings,
  clockPastExpiry,
  guestOutsideList,
  guestsDisabled,
  idTokenAsAccessToken,
  tamperedToken,
  wrongSecret,
} from './what-if';
import { clientSecretInBrowser, forgottenPassword, preTokenClaims } from './what-if-user-pool';

export const SCENARIOS: readonly Scenario[] = [
  enhancedFlow,
  basicFlow,
  basicFlowGoogle,
  basicFlowGuest,
  guestFlow,
  jwtToApi,
  scopedApi,
  machineToMachine,
  googleDirect,
  googleViaUserPool,
  samlToIdentityPool,
  samlViaUserPool,
  stsAssumeRole,
  stsSaml,
  stsWebIdentity,
  stsFederationToken,
  stsSessionToken,
  tamperedToken,
  idTokenAsAccessToken,
  clockPastExpiry,
  guestOutsideList,
  wrongSecret,
  guestsDisabled,
  basicFlowWithRoleMappings,
  clientSecretInBrowser,
  forgottenPassword,
  preTokenClaims,
  attackOtherClient,
  attackAlgNone,
  attackForgedSignature,
  attackStolenSessionToken,
  attackLegacyTrust,
  attackSamlReplay,
  attackTamperedSaml,
  attackWrappedSaml,
  afterSignOut,
  departmentAccess,
  adminBackendScenario,
  directWebIdentityVsPool,
  centralServerPattern,
  developerIdentities,
  syncConflict,
];

export const DEFAULT_SCENARIO_ID = enhancedFlow.id;

/** The flow the "who is signing in" switch starts for each identity. */
export const SCENARIO_FOR_IDENTITY: Record<Exclude<Identity, 'iamUser' | 'machine'>, string> = {
  guest: guestFlow.id,
  userPool: enhancedFlow.id,
  google: googleDirect.id,
  saml: samlToIdentityPool.id,
};

export const GROUP_TITLES: Record<Scenario['group'], string> = {
  flows: 'Flows',
  sts: 'The five STS calls',
  'what-if': 'What if…',
  attacks: 'Attack mode',
  'sign-out': 'After sign-out',
};

export function findScenario(id: string | null | undefined): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
