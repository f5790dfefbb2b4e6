import { type DocumentNode, execute, GraphQLError, type GraphQLFormattedError, parse } from 'graphql';
import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { type AppSyncIdentity, authorizeField } from './auth';
import { isAwsError } from '../../core/errors';
import { appsyncErrors } from './errors';
import { expandIntrospectionReuse, planIntrospectionReuse } from './introspection-reuse';
import { APPSYNC_LIMITS, limitedFieldResolver } from './limits';
import { publish } from './realtime-hub';
import { type ConflictReport, createItem, deleteItem, listItems, syncItems, updateItem } from './resolvers';
import { sharedListSchema } from './schema';
import type { GraphqlApi, StoredItem } from './state';
import { validateAsAppSync } from './validation-wording';

/**
 * An error entry shaped as AppSync writes it (top-level errorType/errorInfo/data, sourceName in
 * locations). Validation entries carry only path, locations and message (graphql-over-http#81).
 */
export interface AppSyncErrorEntry {
  path: (string | number)[] | null;
  data?: unknown;
  errorType?: string;
  errorInfo?: unknown;
  locations: { line: number; column: number; sourceName: null }[];
  message: string;
}

export interface ExecutionOutcome {
  body: { data: unknown; errors?: AppSyncErrorEntry[] };
  conflicts: ConflictReport[];
}

function toEntry(error: GraphQLError | GraphQLFormattedError): AppSyncErrorEntry {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  // A resolver's AwsError reaches here wrapped by graphql-js (`originalError`), with its path and locations.
  const field = isAwsError(original) && original.graphql ? original : undefined;
  return {
    path: error.path ? [...error.path] : null,
    data: field ? field.graphql?.data : null,
    errorType: field?.code,
    errorInfo: field ? field.graphql?.info : null,
    locations: (error.locations ?? []).map((l) => ({ line: l.line, column: l.column, sourceName: null })),
    message: error.message,
  };
}

/**
 * A syntax error in graphql-java's words (`Invalid Syntax : offending token '…' at line L column C`),
 * graphql-java being the engine whose validation wording AppSync shows. AppSync's answer to a
 * syntax error has not been observed; the entry is shaped like its validation errors.
 */
function syntaxEntry(error: GraphQLError): AppSyncErrorEntry {
  const where = error.locations?.[0];
  const locations = where ? [{ line: where.line, column: where.column, sourceName: null }] : [];
  if (/more tha[nt] \d+ tokens/i.test(error.message)) {
    return {
      path: null,
      locations,
      message: `Invalid Syntax : More than ${APPSYNC_LIMITS.maxDocumentTokens} 'grammar' tokens have been presented. To prevent Denial Of Service attacks, parsing has been cancelled.`,
    };
  }
  const found = /found (?:"([^"]*)"|<EOF>|(\S+?))\.?$/.exec(error.message);
  const token = found ? (found[1] ?? found[2] ?? '<EOF>') : '<EOF>';
  return {
    path: null,
    locations,
    message: `Invalid Syntax : offending token '${token}' at line ${where?.line ?? 1} column ${where?.column ?? 1}`,
  };
}

/**
 * Parses (bounded by the token limit, so an oversized document costs nothing more) and validates.
 * Either failure answers HTTP 200 with `data: null` and the entries (docs/aws-reference.md §10.1).
 */
export function parseDocument(query: string): { document?: DocumentNode; errors?: AppSyncErrorEntry[] } {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: APPSYNC_LIMITS.maxDocumentTokens });
  } catch (error) {
    return { errors: [syntaxEntry(error as GraphQLError)] };
  }
  const problems = validateAsAppSync(sharedListSchema(), document);
  if (problems.length > 0) return { errors: problems };
  return { document };
}

/** Runs one query or mutation for `identity`; publishes mutation results to subscribers. */
export async function runOperation(
  api: GraphqlApi,
  ctx: RequestContext,
  identity: AppSyncIdentity,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): Promise<ExecutionOutcome> {
  const { world } = ctx;
  const conflicts: ConflictReport[] = [];
  const published: { field: 'onCreateItem' | 'onUpdateItem' | 'onDeleteItem'; item: StoredItem }[] = [];
  const trackConflict = (error: unknown) => {
    const report = (error as { report?: ConflictReport }).report;
    if (report) conflicts.push(report);
    throw error;
  };
  const rootValue = {
    getItem: ({ id }: { id: string }) => {
      authorizeField(identity, 'Query', 'getItem');
      return getOwn(api.items, id) ?? null;
    },
    listItems: (args: { limit?: number; nextToken?: string }) => {
      authorizeField(identity, 'Query', 'listItems');
      return listItems(api, world, args.limit ?? undefined, args.nextToken ?? undefined);
    },
    syncItems: (args: { limit?: number; nextToken?: string; lastSync?: number }) => {
      authorizeField(identity, 'Query', 'syncItems');
      const result = syncItems(api, world, {
        limit: args.limit ?? undefined,
        nextToken: args.nextToken ?? undefined,
        lastSync: args.lastSync ?? undefined,
      });
      ctx.emit(
        'appsync.sync',
        `${result.mode === 'delta' ? 'Delta' : 'Base'} sync: ${result.items.length} item(s)`,
        {
          mode: result.mode,
          lastSync: args.lastSync ?? null,
          startedAt: result.startedAt,
        },
      );
      return result;
    },
    createItem: ({ input }: { input: { id?: string; text: string; done?: boolean; tags?: string[] } }) => {
      authorizeField(identity, 'Mutation', 'createItem');
      const item = createItem(api, world, identity.owner, {
        id: input.id ?? undefined,
        text: input.text,
        done: input.done ?? undefined,
        tags: input.tags ?? undefined,
      });
      published.push({ field: 'onCreateItem', item });
      return item;
    },
    updateItem: ({
      input,
    }: {
      input: { id: string; text?: string; done?: boolean; tags?: string[]; _version: number };
    }) => {
      authorizeField(identity, 'Mutation', 'updateItem');
      try {
        const result = updateItem(api, world, input);
        if (result.conflict) conflicts.push(result.conflict);
        published.push({ field: result.item._deleted ? 'onDeleteItem' : 'onUpdateItem', item: result.item });
        return result.item;
      } catch (error) {
        return trackConflict(error);
      }
    },
    deleteItem: ({ input }: { input: { id: string; _version: number } }) => {
      authorizeField(identity, 'Mutation', 'deleteItem');
      const existing = getOwn(api.items, input.id);
      // Owner rule: with user pool auth only the item's owner may delete it.
      if (identity.mode === 'AMAZON_COGNITO_USER_POOLS' && existing && existing.owner !== identity.owner) {
        throw appsyncErrors.unauthorizedField('deleteItem', 'Mutation');
      }
      try {
        const result = deleteItem(api, world, input);
        if (result.conflict) conflicts.push(result.conflict);
        published.push({ field: 'onDeleteItem', item: result.item });
        return result.item;
      } catch (error) {
        return trackConflict(error);
      }
    },
  };
  // Repeated root introspection runs once and is copied to every alias (see introspection-reuse.ts).
  const reuse = planIntrospectionReuse(document, operationName);
  const executed = await execute({
    schema: sharedListSchema(),
    document: reuse?.document ?? document,
    rootValue,
    variableValues: variables,
    operationName,
    fieldResolver: limitedFieldResolver(api),
  });
  const result = reuse ? expandIntrospectionReuse(reuse, executed) : executed;
  for (const report of conflicts) {
    ctx.emit(
      'appsync.conflict',
      `Conflict on item ${report.server.id}: ${report.strategy} → ${report.outcome}`,
      report,
    );
  }
  for (const event of published) publish(world, api.apiId, event.field, event.item);
  const body: ExecutionOutcome['body'] = { data: result.data ?? null };
  if (result.errors && result.errors.length > 0) body.errors = result.errors.map(toEntry);
  return { body, conflicts };
}
