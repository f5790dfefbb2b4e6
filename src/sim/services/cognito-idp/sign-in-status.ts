import { idpErrors } from './errors';
import type { UserRecord } from './state';

/**
 * The user statuses that stop a password sign-in before the password is checked, in every flow (public,
 * Admin and SRP): a sign-up not yet confirmed, and a password an administrator has reset.
 */
export function refuseUnusablePassword(user: UserRecord): void {
  if (user.status === 'UNCONFIRMED') throw idpErrors.userNotConfirmed();
  // AdminResetUserPassword "deactivates a user's password" (API reference): even the right one is refused.
  if (user.status === 'RESET_REQUIRED') throw idpErrors.passwordResetRequired();
}
