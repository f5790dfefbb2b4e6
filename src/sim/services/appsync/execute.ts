import { getOwn } from '../../core/dict';
import {
  type DocumentNode,
  execute,
  GraphQLError,
  type GraphQLFormattedError,
  parse,
  validate,
} from 'graphql';
import type { RequestContext } from '../../core/service';
import { type AppSyncIdentity, authorizeField } from './auth';
import { AppSyncFieldError, unauthorizedField } from './errors';
import { publish } from './realtime-hub';
import { type ConflictReport, createItem, deleteItem, listItems, syncItems, updateItem } from './resolvers';
import { sharedListSchema } from './schema';
import type { GraphqlApi, StoredItem } from './state';

/** An error entry shaped as AppSync writes it (top-level errorType/errorInfo/data, sourceName in locations). */
export interface AppSyncErrorEntry {
  path: (string | number)[] | null;
  data: unknown;
  errorType?: string;
  errorInfo: unknown;
  locations: { line: number; column: number; sourceName: null }[];
  message: string;
}

export interface ExecutionOutcome {
  body: { data: unknown; errors?: AppSyncErrorEntry[] };
  conflicts: ConflictReport[];
}

function toEntry(error: GraphQLError | GraphQLFormattedError): AppSyncErrorEntry {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const appsync =
    original instanceof AppSyncFieldError ? original : error instanceof AppSyncFieldError ? error : undefined;
  return {
    path: error.path ? [...error.path] : null,
    data: appsync ? appsync.errorData : null,
    errorType: appsync?.errorType,
    errorInfo: appsync ? appsync.errorInfo : null,
    locations: (error.locations ?? []).map((l) => ({ line: l.line, column: l.column, sourceName: null })),
    message: error.message,
  };
}

export function parseDocument(query: string): { document?: DocumentNode; errors?: AppSyncErrorEntry[] } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { errors: [toEntry(error as GraphQLError)] };
  }
  const problems = validate(sharedListSchema(), document);
  if (problems.length > 0)
    return { errors: problems.map((p) => ({ ...toEntry(p), errorType: 'ValidationError' })) };
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
      authorizeField(api, identity, ctx, 'Query', 'getItem');
      return getOwn(api.items, id) ?? null;
    },
    listItems: (args: { limit?: number; nextToken?: string }) => {
      authorizeField(api, identity, ctx, 'Query', 'listItems');
      return listItems(api, world, args.limit ?? undefined, args.nextToken ?? undefined);
    },
    syncItems: (args: { limit?: number; nextToken?: string; lastSync?: number }) => {
      authorizeField(api, identity, ctx, 'Query', 'syncItems');
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
      authorizeField(api, identity, ctx, 'Mutation', 'createItem');
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
      authorizeField(api, identity, ctx, 'Mutation', 'updateItem');
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
      authorizeField(api, identity, ctx, 'Mutation', 'deleteItem');
      const existing = getOwn(api.items, input.id);
      // Owner rule: with user pool auth only the item's owner may delete it.
      if (identity.mode === 'AMAZON_COGNITO_USER_POOLS' && existing && existing.owner !== identity.owner) {
        throw unauthorizedField('deleteItem', 'Mutation');
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
  const result = await execute({
    schema: sharedListSchema(),
    document,
    rootValue,
    variableValues: variables,
    operationName,
  });
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
