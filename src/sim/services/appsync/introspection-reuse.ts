import { createDict, getOwn, setOwn } from '../../core/dict';
import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionNode,
} from 'graphql';

/**
 * Introspection answered once per distinct selection.
 *
 * Why: about 1,150 aliased `__schema { types { name fields { name } } }` fit under graphql-java's
 * 15,000-token limit, and introspection fields are not resolvers, so AppSync's resolver count does
 * not stop them; executed one by one they held the tab for 3–4 s (issue 10, section 4). AppSync
 * documents no limit that covers this (its quotas name a 30 s execution time and a resolver count,
 * and graphql-java's GoodFaithIntrospection check, which would refuse a second `__schema`, has not
 * been observed on AppSync), so the simulator does not refuse it. Instead, every root `__schema` or
 * `__type` selection that repeats an earlier one (same field, arguments and sub-selection; only the
 * alias differs) is left out of execution and given the earlier one's answer. The schema is the same
 * for the whole request, so this changes no answer, only the time it takes.
 */

/** A root selection flattened in execution order: the field and its response key. */
interface RootField {
  key: string;
  node: FieldNode;
}

/**
 * The operation's root fields in the order graphql-js collects them, fragments expanded; undefined
 * when a directive (`@skip`, `@include`) could change that collection, so nothing is rewritten.
 */
function flattenRoot(
  selections: readonly SelectionNode[],
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
  out: RootField[],
): boolean {
  for (const selection of selections) {
    if (selection.directives && selection.directives.length > 0) return false;
    if (selection.kind === Kind.FIELD) {
      out.push({ key: selection.alias?.value ?? selection.name.value, node: selection });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!flattenRoot(selection.selectionSet.selections, fragments, seen, out)) return false;
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      const fragment = fragments.get(name);
      if (!fragment || !flattenRoot(fragment.selectionSet.selections, fragments, seen, out)) return false;
    }
  }
  return true;
}

function chooseOperation(
  document: DocumentNode,
  operationName?: string,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName === undefined) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((o) => o.name?.value === operationName);
}

/** The plan: the document to execute and, for each left-out key, the key whose answer it copies. */
export interface IntrospectionPlan {
  document: DocumentNode;
  /** Response keys of the original root, in order. */
  order: string[];
  /** Left-out response key → the response key that answers it. */
  copies: Map<string, string>;
}

/** Plans the reuse, or undefined when the request has no repeated introspection to share. */
export function planIntrospectionReuse(
  document: DocumentNode,
  operationName?: string,
): IntrospectionPlan | undefined {
  const operation = chooseOperation(document, operationName);
  if (operation?.operation !== 'query') return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root: RootField[] = [];
  if (!flattenRoot(operation.selectionSet.selections, fragments, new Set(), root)) return undefined;
  // A response key used twice merges its selections; leave such documents to graphql-js as they are.
  if (new Set(root.map((f) => f.key)).size !== root.length) return undefined;
  const firstBySelection = new Map<string, string>();
  const copies = new Map<string, string>();
  const kept: FieldNode[] = [];
  for (const { key, node } of root) {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') {
      const signature = print({ ...node, alias: undefined });
      const first = firstBySelection.get(signature);
      if (first !== undefined) {
        copies.set(key, first);
        continue;
      }
      firstBySelection.set(signature, key);
    }
    kept.push(node);
  }
  if (copies.size === 0) return undefined;
  const rewritten: OperationDefinitionNode = {
    ...operation,
    selectionSet: { ...operation.selectionSet, selections: kept },
  };
  return {
    document: {
      ...document,
      definitions: document.definitions.map((d) => (d === operation ? rewritten : d)),
    },
    order: root.map((f) => f.key),
    copies,
  };
}

/** Puts the shared answers (and any errors under them) back under every alias, in the original order. */
export function expandIntrospectionReuse(plan: IntrospectionPlan, result: ExecutionResult): ExecutionResult {
  const errors = [...(result.errors ?? [])];
  for (const [key, source] of plan.copies) {
    for (const error of result.errors ?? []) {
      if (error.path?.[0] !== source) continue;
      errors.push(
        new GraphQLError(error.message, {
          nodes: error.nodes,
          path: [key, ...error.path.slice(1)],
          originalError: error.originalError,
          extensions: error.extensions,
        }),
      );
    }
  }
  const answer = { ...result, errors: errors.length > 0 ? errors : undefined };
  if (!result.data) return answer;
  // Response keys are aliases the caller chose: a null-prototype record keeps `__proto__` as data.
  const data: Record<string, unknown> = createDict<unknown>();
  const executed = result.data as Record<string, unknown>;
  for (const key of plan.order) setOwn(data, key, getOwn(executed, plan.copies.get(key) ?? key));
  return { ...answer, data };
}
