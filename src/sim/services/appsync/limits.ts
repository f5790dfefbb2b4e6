import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import type { World } from '../../world';
import { appsyncErrors } from './errors';
import type { GraphqlApi, StoredItem } from './state';

/**
 * The limits AppSync and DynamoDB apply to one GraphQL request, so that no request can run away with
 * the tab (issue 10, section 4). Sources:
 * - Resolver count: "By default, each query can process up to 10000 resolvers"; an API may lower it
 *   (`resolverCountLimit`, 1–10000); resolvers past the limit do not run and end with a
 *   `ResolverExecutionLimitReached` error (AppSync Developer Guide, configuration-limits.html).
 * - Query depth: unlimited by default; an API may set `queryDepthLimit` (1–75); fields past it end
 *   with `QueryDepthLimitReached`, which bubbles to the first nullable parent (same page).
 * - Document size: AppSync parses with graphql-java, whose parser refuses a document of more than
 *   15,000 tokens by default (graphql-java ParserOptions.maxTokens, its denial-of-service guard).
 *   AppSync's own answer to such a document has not been observed; see parseDocument.
 * - Item size: 400 KB per DynamoDB item, attribute names and values counted in UTF-8 (DynamoDB
 *   Developer Guide, "Service, account, and table quotas" and "Item sizes and formats").
 */
export const APPSYNC_LIMITS = {
  defaultResolverCountLimit: 10_000,
  maxQueryDepthLimit: 75,
  maxDocumentTokens: 15_000,
  maxItemBytes: 400 * 1024,
} as const;

const utf8 = (text: string) => new TextEncoder().encode(text).length;

/** DynamoDB's size of a number: about one byte per two significant digits, plus one. */
function numberBytes(n: number): number {
  const digits = String(Math.abs(n)).replace(/[.-]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

/** The size DynamoDB counts for a value: strings in UTF-8, lists with 3 bytes plus 1 per element. */
function valueBytes(value: unknown): number {
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') return numberBytes(value);
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, v) => sum + 1 + valueBytes(v), 0);
  return (
    3 +
    Object.entries(value as Record<string, unknown>).reduce((s, [k, v]) => s + 1 + utf8(k) + valueBytes(v), 0)
  );
}

/** The stored item's DynamoDB size in bytes: every attribute's name plus its value. */
export function dynamoItemBytes(item: StoredItem): number {
  let total = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    total += utf8(name) + valueBytes(value);
  }
  return total;
}

const dynamoRequestId = (world: World) => world.random.string(52, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');

/**
 * Refuses an item DynamoDB would refuse, before anything is written. The DynamoDB resolver reports a
 * DynamoDB failure as `DynamoDB:DynamoDbException` with the SDK's suffix `(Service: DynamoDb, Status
 * Code: 400, Request ID: …)` (observed: aws/aws-appsync-community#269); DynamoDB's own text for an
 * oversized item is "Item size has exceeded the maximum allowed size".
 */
export function checkItemSize(world: World, item: StoredItem): void {
  if (dynamoItemBytes(item) <= APPSYNC_LIMITS.maxItemBytes) return;
  throw appsyncErrors.dynamoDbException(
    `Item size has exceeded the maximum allowed size (Service: DynamoDb, Status Code: 400, Request ID: ${dynamoRequestId(world)})`,
  );
}

/** A field's nesting level: 1 for a root field; list indices do not count. */
function depthOf(path: { prev: unknown; key: string | number } | undefined): number {
  let depth = 0;
  for (let p = path; p; p = p.prev as typeof path) if (typeof p.key === 'string') depth += 1;
  return depth;
}

/**
 * A field resolver that applies the API's depth and resolver-count limits while the operation runs,
 * as AppSync does: fields past the depth limit and root resolvers past the count fail one by one,
 * cheaply, and everything within the limits still answers. (The texts of these two errors are not
 * quoted in AWS's documentation, only their types: the messages here are ours.)
 */
export function limitedFieldResolver(api: GraphqlApi): GraphQLFieldResolver<unknown, unknown> {
  const resolverLimit = api.resolverCountLimit || APPSYNC_LIMITS.defaultResolverCountLimit;
  const depthLimit = api.queryDepthLimit || undefined;
  let resolvers = 0;
  return (source, args, context, info) => {
    if (depthLimit !== undefined && depthOf(info.path) > depthLimit) {
      throw appsyncErrors.queryDepthLimitReached(depthLimit);
    }
    // In this API only the root Query and Mutation fields have resolvers (Item fields are read from the item).
    const root =
      info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
    if (root) {
      resolvers += 1;
      if (resolvers > resolverLimit) throw appsyncErrors.resolverExecutionLimitReached(resolverLimit);
    }
    return defaultFieldResolver(source, args, context, info);
  };
}
