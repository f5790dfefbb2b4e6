/**
 * MFA for AssumeRole and GetSessionToken: `SerialNumber` + `TokenCode` checked against the caller's
 * virtual MFA device with real TOTP (RFC 6238, via iam/mfa.ts), one step of drift either side.
 * A device of another user, or a serial that is not a device, is refused like a wrong code, and so is
 * a code whose time step is not later than the last one the device's codes were accepted for.
 */
import type { Caller } from '../../auth/caller';
import { validationMessage } from '../../core/errors';
import { findMfaDevice } from '../../iam/state';
import { verifyTotp } from '../../iam/mfa';
import type { World } from '../../world';
import { stsErrors } from './errors';
import { checkLength, type QueryInput } from './params';

/** A good code: when it was checked (epoch ms), and `spend`, which marks its step used. */
export interface MfaProof {
  at: number;
  /**
   * Called once the call succeeds: a call refused after the check (the trust policy, the duration)
   * changes no state, so its code stays good for the retry.
   */
  spend(): void;
}

/** The proof of a successful MFA check, or undefined when no MFA was offered. */
export async function checkMfa(
  world: World,
  caller: Caller,
  input: QueryInput,
): Promise<MfaProof | undefined> {
  const serial = input.SerialNumber;
  const code = input.TokenCode;
  if (serial === undefined && code === undefined) return undefined;
  if (serial !== undefined) {
    checkLength(serial, 'serialNumber', 9, 256);
    if (!/^[\w+=/:,.@-]*$/.test(serial)) {
      throw stsErrors.validation(
        validationMessage([
          {
            field: 'serialNumber',
            value: serial,
            constraint: 'Member must satisfy regular expression pattern: [\\w+=/:,.@-]*',
          },
        ]),
      );
    }
  }
  if (code !== undefined && !/^\d{6}$/.test(code)) {
    const constraint =
      code.length !== 6
        ? `Member must have length ${code.length < 6 ? 'greater than or equal to' : 'less than or equal to'} 6`
        : 'Member must satisfy regular expression pattern: [\\d]*';
    throw stsErrors.validation(validationMessage([{ field: 'tokenCode', value: code, constraint }]));
  }
  if (serial === undefined || code === undefined) throw stsErrors.mfaIncomplete();
  const found = findMfaDevice(world, serial);
  const userArn = caller.kind === 'iam-user' ? caller.arn : undefined;
  if (!found || found.user.arn !== userArn) throw stsErrors.mfaUnknownDevice();
  const step = await verifyTotp(found.device.base32Seed, code, world.now());
  // A code is good once (RFC 6238 section 5.2): AWS refuses a reused code with the same AccessDenied as
  // a wrong one (obs: 1Password/shell-plugins#180, hashicorp/terraform-provider-aws#3885). Requests to
  // a cloud run one at a time, so nothing comes between this check and the caller's spend().
  const last = found.device.lastUsedStep;
  if (step === undefined || (last !== undefined && step <= last)) throw stsErrors.mfaBadCode();
  const device = found.device;
  return {
    at: world.now(),
    spend() {
      device.lastUsedStep = step;
    },
  };
}
