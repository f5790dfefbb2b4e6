import { fieldsNotKept, patchMatches } from './outbox';
import { asItem, CREATE_ITEM, DELETE_ITEM, GET_ITEM, type GraphqlReply, UPDATE_ITEM } from './operations';
import type { ClientEvent, OutboxEntry, ServerItem } from './types';

/**
 * Sends one outbox entry and decides what AppSync's answer means (DataStore's mutation processor,
 * docs/aws-reference.md §10.5). Idempotency across a reload mid-flight: an entry with `attempts > 0` may already
 * have reached AppSync, so before sending it again the client reads the item back (getItem) and
 * treats the entry as delivered when the server already holds its effect. A create retried anyway
 * carries its client-chosen id, so AppSync's `attribute_not_exists(id)` condition refuses the second
 * copy with DynamoDB:ConditionalCheckFailedException and the existing item: that is success too.
 */
export interface ReplayPorts {
  query(document: string, variables: Record<string, unknown>): Promise<GraphqlReply>;
  markSent(entry: OutboxEntry): Promise<OutboxEntry>;
  recordAnswer(entry: OutboxEntry, server: ServerItem): Promise<void>;
  recordConflict(entry: OutboxEntry, server: ServerItem): Promise<void>;
  recordRejection(entry: OutboxEntry, errorType: string, message: string): Promise<void>;
  emit(event: ClientEvent): void;
}

function alreadyDelivered(entry: OutboxEntry, server: ServerItem | undefined): string | undefined {
  if (!server) return undefined;
  if (entry.kind === 'create') return 'the item already exists with this client-chosen id';
  const newer = entry.baseVersion !== null && server._version > entry.baseVersion;
  if (entry.kind === 'delete' && newer && server._deleted) return 'the item is already deleted';
  if (entry.kind === 'update' && newer && !server._deleted && patchMatches(server, entry.fields)) {
    return `the server already holds these values at version ${server._version}`;
  }
  return undefined;
}

export async function replayEntry(original: OutboxEntry, ports: ReplayPorts): Promise<void> {
  if (original.attempts > 0) {
    const check = await ports.query(GET_ITEM, { id: original.itemId });
    const server = asItem(check.data?.getItem);
    const how = alreadyDelivered(original, server);
    if (server && how) {
      await ports.recordAnswer(original, server);
      ports.emit({ type: 'already-delivered', entry: original, server, how });
      return;
    }
  }
  // Written down before the request leaves: after a reload, this entry is known to be "maybe delivered".
  const entry = await ports.markSent(original);
  const id = entry.itemId;
  const { document, input, field } =
    entry.kind === 'create'
      ? { document: CREATE_ITEM, field: 'createItem', input: { id, ...entry.fields } }
      : entry.kind === 'update'
        ? {
            document: UPDATE_ITEM,
            field: 'updateItem',
            input: { id, ...entry.fields, _version: entry.baseVersion },
          }
        : { document: DELETE_ITEM, field: 'deleteItem', input: { id, _version: entry.baseVersion } };
  const reply = await ports.query(document, { input });
  const result = asItem(reply.data?.[field]);
  if (result) {
    await ports.recordAnswer(entry, result);
    const lost = entry.kind === 'update' ? fieldsNotKept(entry.fields, result) : [];
    const merged =
      entry.kind === 'update' && entry.baseVersion !== null && result._version > entry.baseVersion + 1;
    if (merged || lost.length > 0) {
      ports.emit({ type: 'merged-by-server', entry, sent: entry.fields, result, lost });
    } else {
      ports.emit({ type: 'sent', entry, result });
    }
    return;
  }
  const error = reply.errors[0] ?? {
    errorType: 'Unknown',
    message: 'AppSync returned neither data nor errors.',
  };
  const server = asItem(error.data);
  if (error.errorType === 'ConflictUnhandled' && server) {
    await ports.recordConflict(entry, server);
    return;
  }
  if (entry.kind === 'create' && error.errorType === 'DynamoDB:ConditionalCheckFailedException' && server) {
    const how =
      patchMatches(server, entry.fields) || server._version > 1
        ? 'the create had already succeeded'
        : undefined;
    if (how) {
      await ports.recordAnswer(entry, server);
      ports.emit({ type: 'already-delivered', entry, server, how });
      return;
    }
  }
  await ports.recordRejection(entry, error.errorType ?? 'Unknown', error.message);
}

/** For the explainer: what Automerge changed compared with what was sent. */
export { fieldsNotKept };
