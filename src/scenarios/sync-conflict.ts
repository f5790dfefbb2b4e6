import { appSyncCreateStep, appSyncUpdateStep } from './steps/appsync';
import { listRecordsStep, SYNC_DATASET, SYNC_KEY, updateRecordsStep } from './steps/cognito-sync';
import { getCredentialsStep, getIdStep } from './steps/identity-pool';
import { userPoolSignIn } from './steps/user-pool';
import type { Scenario } from './types';

/**
 * "Two devices, one key": Alice changes the same value on her phone and her laptop and both sync at
 * the same moment, first through Cognito Sync, then through AppSync. Every answer is the engine's.
 *
 * Sources (docs/aws-reference.md §9.4 and §10):
 * - Cognito Sync API reference, UpdateRecords: a patch with a new value but a stale sync count is
 *   rejected with ResourceConflictException; call ListRecords for the current sync count; a record that
 *   does not exist is patched with sync count 0.
 * - AppSync developer guide, "Conflict detection and resolution": with versioning, Automerge rejects the
 *   incoming value of a conflicting scalar field and keeps the server's; Optimistic concurrency rejects
 *   the mutation and returns the server's item. The demo API uses Automerge (Amplify's default).
 */
export const syncConflict: Scenario = {
  id: 'sync-conflict-two-devices',
  title: 'Cognito Sync vs AppSync: two devices change the same value',
  summary:
    'Alice’s phone and laptop change the same setting and sync at once: Cognito Sync refuses the stale push with ResourceConflictException, AppSync’s Automerge keeps the server’s value.',
  group: 'flows',
  identity: 'userPool',
  actors: ['app', 'userPool', 'identityPool', 'sts', 'iam', 'sync', 'appsync'],
  steps: [
    userPoolSignIn(),
    getIdStep('userPool'),
    getCredentialsStep('userPool'),
    listRecordsStep('phone', 0, {
      narration: {
        what: `Alice changed ${SYNC_KEY} on her phone while offline. Back online, the phone’s synchronize() starts with ListRecords on her ${SYNC_DATASET} dataset, signed with her identity’s credentials. Nothing is there yet (DatasetSyncCount 0), and the answer carries a SyncSessionToken for the push.`,
        why: 'A Cognito Sync round is always pull, then push: the push must present the session token the pull handed out.',
        misunderstanding:
          'Datasets belong to the identity id, not to a device: every device of the same identity reads and writes the same records.',
      },
    }),
    listRecordsStep('laptop', 0, {
      narration: {
        what: `At the same moment her laptop, which changed ${SYNC_KEY} offline too, pulls the same dataset. It also sees nothing yet and gets a session token of its own.`,
        why: 'Both devices now believe the record is new, so both will push it with sync count 0.',
      },
    }),
    updateRecordsStep('phone', 'dark', 0, {
      narration: {
        what: `The phone pushes ${SYNC_KEY} = dark with SyncCount 0 (the count for a record that does not exist yet). Cognito Sync stores it and the record’s sync count becomes 1.`,
        why: 'Each record carries the sync count of the write that last changed it; a push must name the count it is replacing.',
      },
    }),
    updateRecordsStep('laptop', 'light', 0, {
      expect: 'denied',
      // The code travels in the x-amzn-errortype header; the body carries only the message.
      refusal: `Current SyncCount for: ${SYNC_KEY} is: 1 not: 0`,
      narration: {
        what: `The laptop pushes ${SYNC_KEY} = light, also with SyncCount 0. The record is at 1 now, so Cognito Sync refuses the whole request: 409 ResourceConflictException, “Current SyncCount for: ${SYNC_KEY} is: 1 not: 0”. Nothing is written.`,
        why: 'Optimistic concurrency per record: the server never chooses between two values. The device that is behind must pull the newer record and decide.',
        misunderstanding:
          'Cognito Sync is not last-writer-wins on the server: a stale write is refused, and the SDK hands the conflict to the app (its onConflict callback).',
      },
    }),
    listRecordsStep('laptop', 0, {
      id: 'laptop-list-records-again',
      title: 'Alice’s laptop pulls again and finds the phone’s record (ListRecords)',
      narration: {
        what: `The laptop pulls again. This time ListRecords returns the phone’s record: ${SYNC_KEY} = dark with SyncCount 1, next to the laptop’s own unsaved “light”.`,
        why: 'This is the conflict the app resolves: keep the remote value, keep the local one, or merge them. Here the app keeps the laptop’s value.',
      },
    }),
    updateRecordsStep('laptop', 'light', 1, {
      id: 'laptop-update-records-resolved',
      narration: {
        what: `The laptop pushes ${SYNC_KEY} = light again, now with SyncCount 1. The count matches, so Cognito Sync accepts it and the record goes to 2; the phone will see “light” at its next pull.`,
        why: 'The app resolved the conflict on the device; the server only checked that the push was based on the latest value.',
      },
    }),
    appSyncCreateStep('Theme: dark', {
      narration: {
        what: 'Now the same story in AppSync, AWS’s successor for new apps. The phone creates an item on the shared-list GraphQL API with Alice’s ID token in the Authorization header. AppSync stores it at _version 1.',
        why: 'A versioned data source gives every item a _version that AppSync increments on each write and uses to detect conflicts.',
      },
    }),
    appSyncUpdateStep('phone', 'Theme: dark (phone)', 1, {
      narration: {
        what: 'The phone renames the item, sending the _version it saw (1). It matches, so AppSync writes it and the item goes to _version 2.',
        why: 'Like a sync count, _version says which state of the item a write was made on.',
      },
    }),
    appSyncUpdateStep('laptop', 'Theme: light (laptop)', 1, {
      narration: {
        what: 'The laptop, which renamed the item offline, sends its update on _version 1. AppSync sees the conflict and this API’s conflict handler, Automerge, resolves it on the server: the incoming text is a scalar in conflict, so the server’s value is kept; the item goes to _version 3 and the answer is 200 with the merged item.',
        why: 'AppSync resolves conflicts on the server with the handler the API chose: Automerge (keep the server’s scalars, concatenate lists), Optimistic concurrency (reject with ConflictUnhandled and return the server’s item) or a Lambda function.',
        misunderstanding:
          'No error does not mean the laptop’s change was kept: under Automerge its text was dropped. Choose Optimistic concurrency or a Lambda handler if the app must decide.',
      },
    }),
  ],
};
