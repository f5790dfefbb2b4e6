import type { ServiceRoute } from '../../core/service';
import { json11Handler, json11Protocol } from '../../protocol/json-1-1';
import { keepUnreadCopy } from './admin-auth';
import {
  adminAddUserToGroup,
  adminCreateUser,
  adminGetUser,
  adminListGroupsForUser,
} from './admin-operations';
import { adminInitiateAuth, adminRespondToAuthChallenge } from './admin-sign-in';
import { adminUpdateUserAttributes } from './admin-update-attributes';
import {
  adminConfirmSignUp,
  adminDeleteUser,
  adminDisableUser,
  adminEnableUser,
  adminRemoveUserFromGroup,
  adminResetUserPassword,
  adminSetUserPassword,
  adminUserGlobalSignOut,
} from './admin-user-lifecycle';
import { confirmForgotPassword, forgotPassword } from './forgot-password';
import { getGroup, listGroups } from './groups';
import { getTokensFromRefreshToken, initiateAuth } from './initiate-auth';
import { listUsers, listUsersInGroup } from './list-users';
import { respondToAuthChallenge } from './respond-to-auth-challenge';
import { revokeToken } from './revoke-token';
import { confirmSignUp, resendConfirmationCode, signUp } from './sign-up';
import { associateSoftwareToken, setUserMfaPreference, verifySoftwareToken } from './software-token-mfa';
import {
  changePassword,
  deleteUser,
  getUser,
  getUserAttributeVerificationCode,
  globalSignOut,
  updateUserAttributes,
  verifyUserAttribute,
} from './user-operations';
import { wellKnownResponse } from './well-known';

/**
 * https://cognito-idp.<region>.amazonaws.com/ — the user pool API in AWS JSON 1.1
 * (`X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`), plus the pool's `.well-known`
 * documents on GET. The pool's hosted domain (<prefix>.auth.<region>.amazoncognito.com) is a
 * different host with its own route (./oauth).
 */
const api = json11Handler({
  targetPrefix: 'AWSCognitoIdentityProviderService',
  operations: {
    SignUp: signUp,
    ConfirmSignUp: confirmSignUp,
    ResendConfirmationCode: resendConfirmationCode,
    InitiateAuth: initiateAuth,
    RespondToAuthChallenge: respondToAuthChallenge,
    GetTokensFromRefreshToken: getTokensFromRefreshToken,
    GetUser: getUser,
    UpdateUserAttributes: updateUserAttributes,
    GetUserAttributeVerificationCode: getUserAttributeVerificationCode,
    VerifyUserAttribute: verifyUserAttribute,
    GlobalSignOut: globalSignOut,
    ChangePassword: changePassword,
    DeleteUser: deleteUser,
    RevokeToken: revokeToken,
    AssociateSoftwareToken: associateSoftwareToken,
    VerifySoftwareToken: verifySoftwareToken,
    SetUserMFAPreference: setUserMfaPreference,
    AdminInitiateAuth: adminInitiateAuth,
    AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
    AdminCreateUser: adminCreateUser,
    AdminConfirmSignUp: adminConfirmSignUp,
    AdminGetUser: adminGetUser,
    AdminAddUserToGroup: adminAddUserToGroup,
    AdminListGroupsForUser: adminListGroupsForUser,
    AdminResetUserPassword: adminResetUserPassword,
    AdminSetUserPassword: adminSetUserPassword,
    AdminDisableUser: adminDisableUser,
    AdminEnableUser: adminEnableUser,
    AdminUserGlobalSignOut: adminUserGlobalSignOut,
    AdminDeleteUser: adminDeleteUser,
    AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
    AdminUpdateUserAttributes: adminUpdateUserAttributes,
    GetGroup: getGroup,
    ListGroups: listGroups,
    ListUsers: listUsers,
    ListUsersInGroup: listUsersInGroup,
    ForgotPassword: forgotPassword,
    ConfirmForgotPassword: confirmForgotPassword,
  },
});

export const cognitoIdpRoute: ServiceRoute = {
  service: 'cognito-idp',
  protocol: json11Protocol(),
  matches: (url, world) => url.hostname === `cognito-idp.${world.region}.amazonaws.com`,
  handle: async (request, ctx) => {
    if (request.method === 'GET') {
      const response = wellKnownResponse(ctx.world, new URL(request.url).pathname, ctx.requestId);
      if (response) return response;
    }
    keepUnreadCopy(ctx, request);
    return api(request, ctx);
  },
};
