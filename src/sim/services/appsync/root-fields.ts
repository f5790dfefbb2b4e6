import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

const ROOT_TYPES = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/** The root type and the root fields a request asks for: what IAM authorises before anything runs. */
export interface RootFields {
  type: (typeof ROOT_TYPES)[keyof typeof ROOT_TYPES];
  fields: string[];
}

/**
 * The operation graphql-js would run (the one named, or the only one) and its root fields, through
 * inline fragments and fragment spreads; introspection fields (`__typename`, `__schema`) are not
 * authorised per field. Undefined when no single operation is chosen: execution reports that itself.
 */
export function rootFieldsOf(
  document: DocumentNode,
  operationName: string | undefined,
): RootFields | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const fields = new Set<string>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (!selection.name.value.startsWith('__')) fields.add(selection.name.value);
      } else if (selection.kind === 'InlineFragment') collect(selection.selectionSet);
      else {
        // Validation has already refused cycles; `seen` keeps a spread from being walked twice.
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name)) {
          seen.add(name);
          collect(fragment.selectionSet);
        }
      }
    }
  };
  collect(operation.selectionSet);
  return { type: ROOT_TYPES[operation.operation], fields: [...fields] };
}
