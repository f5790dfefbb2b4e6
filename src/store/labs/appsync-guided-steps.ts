import type { ConflictHandler } from '../../sim/index';
import type { AppSyncLab } from './appsync-lab';

/**
 * "Two people edit the same item, one offline; reconnect": the guided scenario as data. Each step
 * makes real calls through the devices' clients; the narration of the last step depends on the
 * strategy selected when it runs.
 */
export interface GuidedStep {
  title: string;
  run(lab: AppSyncLab, memo: { id?: string }): Promise<void>;
}

const ITEM = 'Plan the team offsite';

/**
 * Every text the scenario's item can end with: as added, Carol's edit (kept by Lambda or a re-apply) and
 * Alice's rename (kept by the server or Automerge).
 */
const SCENARIO_TEXTS = new Set([ITEM, `${ITEM} in Porto`, `${ITEM} in Lisbon`]);

/**
 * Deletes, from Alice's device, the items an earlier run left: they are real data in the shared cloud,
 * so a second run (after "Start again", or after a reload) would otherwise end with two identical rows.
 * Step 1 does it rather than the restart, so a run after a reload (no restart) starts clean too.
 * Only Alice's items with one of the scenario's texts go; anything else the reader added stays.
 */
async function removeEarlierRuns(lab: AppSyncLab): Promise<void> {
  const { alice, carol } = devices(lab);
  // Alice's own: with user pool auth AppSync lets only an item's owner delete it.
  const owner = lab.cloud.demo.userPool.users[0]?.username;
  const leftovers = alice.client
    .items()
    .filter((i) => !i._deleted && SCENARIO_TEXTS.has(i.text) && i.owner === owner);
  for (const item of leftovers) await alice.client.remove(item.id);
  await alice.client.idle();
  await carol.client.idle();
}

const devices = (lab: AppSyncLab) => {
  const [alice, carol] = lab.devices;
  if (!alice || !carol) throw new Error('The scenario needs two devices.');
  return { alice, carol };
};

export const GUIDED_STEPS: GuidedStep[] = [
  {
    // The deletion is said: it shows in the wire timeline and live messages of a second run.
    title:
      `Alice adds “${ITEM}” (after deleting any an earlier run left). ` +
      'It reaches Carol live, over her subscription.',
    async run(lab, memo) {
      const { alice, carol } = devices(lab);
      alice.link.setOnline(true);
      carol.link.setOnline(true);
      await removeEarlierRuns(lab);
      memo.id = await alice.client.create({ text: ITEM, tags: ['team'] });
      await alice.client.idle();
    },
  },
  {
    title:
      'Carol goes offline and edits it twice: “… in Porto”, then ticks it done. Her outbox holds ONE merged update, made on v1.',
    async run(lab, memo) {
      const { carol } = devices(lab);
      if (!memo.id) throw new Error('Run the first step first.');
      carol.link.setOnline(false);
      await carol.client.update(memo.id, { text: `${ITEM} in Porto` });
      await carol.client.update(memo.id, { done: true, tags: ['team', 'travel'] });
    },
  },
  {
    title: 'Alice, online, renames it “… in Lisbon”. AppSync stores v2; Carol cannot hear about it.',
    async run(lab, memo) {
      const { alice } = devices(lab);
      if (!memo.id) throw new Error('Run the first step first.');
      await alice.client.update(memo.id, { text: `${ITEM} in Lisbon` });
      await alice.client.idle();
    },
  },
  {
    title:
      'Carol comes back online: subscriptions reconnect, a delta sync runs, and her update on v1 meets v2.',
    async run(lab) {
      const { carol } = devices(lab);
      carol.link.setOnline(true);
      await new Promise((r) => setTimeout(r, 50));
      await carol.client.idle();
    },
  },
];

/**
 * Clears what the last run left on screen, through the devices' clients as a user would: a conflict
 * still waiting is settled by keeping the server's version, both devices come online and send what
 * their outboxes hold, and once every answer and live message is in, the lab forgets the old verdicts
 * and live messages. Items stay: they are real data in the shared cloud (step 1 deletes the scenario's
 * own item from an earlier run, so the next run ends as the first did).
 */
export async function restartGuidedScenario(lab: AppSyncLab): Promise<void> {
  for (const device of lab.devices) device.link.setOnline(true);
  for (const device of lab.devices) {
    for (const entry of device.client.outbox().filter((e) => e.conflict)) {
      await device.client.resolveConflict(entry.itemId, 'discard-local');
    }
  }
  await Promise.all(lab.devices.map((d) => d.client.idle()));
  // Live messages caused by the last sends arrive over the sockets just after; let them land first.
  await new Promise((r) => setTimeout(r, 50));
  lab.clearHistory();
}

export const OUTCOME: Record<ConflictHandler, string> = {
  OPTIMISTIC_CONCURRENCY:
    'Optimistic concurrency: AppSync rejects the stale update with ConflictUnhandled and returns its v2. Nothing changes on the server; Carol decides in the conflict panel — keep the server version, or re-apply her changes on v2.',
  AUTOMERGE:
    'Automerge: AppSync merges by itself. Scalars in conflict keep the SERVER value (Alice’s text, done stays false), the tag list is concatenated (duplicates kept). Carol’s text and tick are gone without an error: the client reports it.',
  LAMBDA:
    'Lambda: the example conflict function resolves it — Carol’s incoming fields win, tags are unioned — and AppSync writes v3.',
};
