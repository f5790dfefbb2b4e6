/** Every AWSCognitoIdentityService operation the simulation answers, by wire name. */
import type { JsonOperation } from '../../protocol/json-1-1';
import { GetCredentialsForIdentity } from './enhanced-flow';
import {
  DescribeIdentity,
  DescribeIdentityPool,
  GetIdentityPoolRoles,
  ListIdentities,
  SetIdentityPoolRoles,
  UnlinkIdentity,
} from './operations-admin';
import {
  GetOpenIdTokenForDeveloperIdentity,
  LookupDeveloperIdentity,
  MergeDeveloperIdentities,
} from './operations-developer';
import { GetId, GetOpenIdToken } from './operations-public';
import { UpdateIdentityPool } from './update-pool';
import { GetPrincipalTagAttributeMap, SetPrincipalTagAttributeMap } from './principal-tags';

export const operations: Record<string, JsonOperation> = {
  GetId,
  GetCredentialsForIdentity,
  GetOpenIdToken,
  GetOpenIdTokenForDeveloperIdentity,
  LookupDeveloperIdentity,
  MergeDeveloperIdentities,
  UnlinkIdentity,
  DescribeIdentity,
  ListIdentities,
  DescribeIdentityPool,
  GetIdentityPoolRoles,
  SetIdentityPoolRoles,
  UpdateIdentityPool,
  SetPrincipalTagAttributeMap,
  GetPrincipalTagAttributeMap,
};
