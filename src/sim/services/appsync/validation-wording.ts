import {
  type ASTNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  Kind,
  specifiedRules,
  type ValidationContext,
  type ValidationRule,
  OverlappingFieldsCanBeMergedRule,
  print,
  type SelectionSetNode,
  type ValueNode,
  validate,
  visit,
} from 'graphql';

/**
 * GraphQL validation in AppSync's words. AppSync runs graphql-java, so a document that fails
 * validation is answered HTTP 200 with `"data": null` and entries such as
 * `Validation error of type FieldUndefined: Field 'x' in type 'Query' is undefined @ 'x'`, with
 * `path: null`, `locations` and no `errorType` (observed: graphql/graphql-over-http#81 written by the
 * AppSync team; aws-amplify/learn#417; aws-amplify/amplify-cli#5339; aws-appsync-community#273 for
 * WrongType). graphql-js does the checking here; each of its rules is tagged so that its finding can
 * be rewritten in graphql-java's vocabulary. Rules graphql-java words differently and that we have
 * not seen from AppSync keep graphql-js's sentence behind the same `Validation error of type` prefix.
 */
export interface AppSyncValidationEntry {
  path: null;
  locations: { line: number; column: number; sourceName: null }[];
  message: string;
}

const quoted = (message: string): string[] => [...message.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');

/** graphql-java's `toString()` of a literal, as AppSync prints it inside WrongType messages. */
export function javaValue(node: ValueNode): string {
  switch (node.kind) {
    case Kind.STRING:
      return `StringValue{value='${node.value}'}`;
    case Kind.INT:
      return `IntValue{value=${node.value}}`;
    case Kind.FLOAT:
      return `FloatValue{value=${node.value}}`;
    case Kind.BOOLEAN:
      return `BooleanValue{value=${node.value}}`;
    case Kind.NULL:
      return 'NullValue{}';
    case Kind.ENUM:
      return `EnumValue{name='${node.value}'}`;
    case Kind.VARIABLE:
      return `VariableReference{name='${node.name.value}'}`;
    case Kind.LIST:
      return `ArrayValue{values=[${node.values.map(javaValue).join(', ')}]}`;
    case Kind.OBJECT:
      return `ObjectValue{objectFields=[${node.fields
        .map((f) => `ObjectField{name='${f.name.value}', value=${javaValue(f.value)}}`)
        .join(', ')}]}`;
  }
}

interface Where {
  /** Field names from the operation root to the node, joined by `/` (graphql-java's query path). */
  path: string[];
  /** For values: the argument and input-object field names leading to it (`input.text`). */
  argument?: string[];
  /** For values: the outermost argument value. */
  argumentValue?: ValueNode;
}

/** Where each AST node sits: its field path and, inside arguments, its argument path. */
function locate(document: DocumentNode): Map<ASTNode, Where> {
  const where = new Map<ASTNode, Where>();
  const fields: string[] = [];
  const argument: string[] = [];
  let argumentValue: ValueNode | undefined;
  visit(document, {
    enter(node) {
      if (node.kind === Kind.FIELD) fields.push(node.name.value);
      if (node.kind === Kind.ARGUMENT) {
        argument.push(node.name.value);
        argumentValue = node.value;
      }
      if (node.kind === Kind.OBJECT_FIELD) argument.push(node.name.value);
      where.set(node, {
        path: [...fields],
        ...(argument.length > 0 ? { argument: [...argument], argumentValue } : {}),
      });
    },
    leave(node) {
      if (node.kind === Kind.FIELD) fields.pop();
      if (node.kind === Kind.ARGUMENT) {
        argument.pop();
        argumentValue = undefined;
      }
      if (node.kind === Kind.OBJECT_FIELD) argument.pop();
    },
  });
  return where;
}

const at = (w: Where | undefined): string => (w && w.path.length > 0 ? ` @ '${w.path.join('/')}'` : '');

/** The graphql-java sentence for one graphql-js finding. */
function reword(rule: string, error: GraphQLError, where: Map<ASTNode, Where>): string {
  const node = error.nodes?.[0];
  const w = node ? where.get(node) : undefined;
  const q = quoted(error.message);
  const v = (kind: string, text: string) => `Validation error of type ${kind}: ${text}`;
  switch (rule) {
    case 'FieldsOnCorrectTypeRule':
      return v('FieldUndefined', `Field '${q[0]}' in type '${q[1]}' is undefined${at(w)}`);
    case 'KnownArgumentNamesRule':
      return v('UnknownArgument', `Unknown field argument ${q[0]}${at(w)}`);
    case 'ProvidedRequiredArgumentsRule':
      return v('MissingFieldArgument', `Missing field argument ${q[1]}${at(w)}`);
    case 'ScalarLeafsRule':
      return error.message.includes('must not have a selection')
        ? v(
            'SubSelectionNotAllowed',
            `Sub selection not allowed on leaf type ${q[1]} of field ${q[0]}${at(w)}`,
          )
        : v('SubSelectionRequired', `Sub selection required for type ${q[1]} of field ${q[0]}${at(w)}`);
    case 'KnownTypeNamesRule':
      return v('UnknownType', `Unknown type ${q[0]}${at(w)}`);
    case 'NoUndefinedVariablesRule':
      return v('UndefinedVariable', `Undefined variable ${(q[0] ?? '').replace(/^\$/, '')}${at(w)}`);
    case 'NoUnusedVariablesRule':
      return v('UnusedVariable', `Unused variable ${(q[0] ?? '').replace(/^\$/, '')}${at(w)}`);
    case 'KnownDirectivesRule':
      return v('UnknownDirective', `Unknown directive ${q[0]}${at(w)}`);
    case 'VariablesInAllowedPositionRule':
      return v(
        'VariableTypeMismatch',
        `Variable type '${q[1]}' doesn't match expected type '${q[2]}'${at(w)}`,
      );
    case 'ValuesOfCorrectTypeRule': {
      // graphql-java names the top-level argument and prints its whole value (aws-appsync-community#273).
      const name = w?.argument?.[0] ?? '';
      const value = w?.argumentValue ? javaValue(w.argumentValue) : '';
      const head = `argument '${name}' with value '${value}'`;
      if (error.message.includes('was not provided'))
        return v(
          'WrongType',
          `${head} is missing required fields '[${(q[0] ?? '').split('.').pop()}]'${at(w)}`,
        );
      if (error.message.includes('is not defined by type'))
        return v('WrongType', `${head} contains a field not in '${q[1]}': '${q[0]}'${at(w)}`);
      if (node?.kind === Kind.NULL) return v('WrongType', `${head} must not be null${at(w)}`);
      const expected = /^(\w+) cannot represent/.exec(error.message)?.[1] ?? q[0]?.replace(/!$/, '');
      return v('WrongType', `${head} is not a valid '${expected}'${at(w)}`);
    }
    case 'OverlappingFieldsCanBeMergedRule':
      // graphql-java's type name for this rule; the sentence stays graphql-js's.
      return v('FieldsConflict', error.message);
    default:
      return v(rule.replace(/Rule$/, ''), error.message);
  }
}

/** The document with every selection that repeats an earlier sibling word for word left out. */
function withoutRepeats(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave(node: SelectionSetNode): SelectionSetNode {
        // Only selections that share a response key can be repeats; only those are printed and compared.
        const keyOf = (selection: SelectionSetNode['selections'][number]) =>
          selection.kind === Kind.FIELD
            ? `f:${(selection.alias ?? selection.name).value}`
            : selection.kind === Kind.FRAGMENT_SPREAD
              ? `s:${selection.name.value}`
              : `i:${selection.typeCondition?.name.value ?? ''}`;
        const counts = new Map<string, number>();
        for (const selection of node.selections) {
          const key = keyOf(selection);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        if ([...counts.values()].every((n) => n === 1)) return node;
        const seen = new Set<string>();
        const selections = node.selections.filter((selection) => {
          if (counts.get(keyOf(selection)) === 1) return true;
          const text = print(selection);
          if (seen.has(text)) return false;
          seen.add(text);
          return true;
        });
        return selections.length === node.selections.length ? node : { ...node, selections };
      },
    },
  });
}

/**
 * The document with each operation's root fields that repeat an earlier root field under another alias
 * left out, when the root holds plain fields with distinct response keys. Such a copy is checked by
 * every rule exactly as the field it repeats (same parent type, arguments, variables and fragments) and,
 * its key being unique at the root, conflicts with nothing, so the shorter document is valid exactly
 * when the whole one is. It lets an alias bomb that fits under the token limit validate in the time of
 * one copy (issue 10, section 4).
 */
function withoutAliasedRootRepeats(document: DocumentNode): DocumentNode | undefined {
  let changed = false;
  const definitions = document.definitions.map((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return definition;
    const fields = definition.selectionSet.selections;
    if (fields.some((f) => f.kind !== Kind.FIELD)) return definition;
    const keys = new Set(fields.map((f) => (f.kind === Kind.FIELD ? (f.alias ?? f.name).value : '')));
    if (keys.size !== fields.length) return definition;
    const seen = new Set<string>();
    const kept = fields.filter((f) => {
      const text = print({ ...f, alias: undefined } as typeof f);
      if (seen.has(text)) return false;
      seen.add(text);
      return true;
    });
    if (kept.length === fields.length) return definition;
    changed = true;
    return { ...definition, selectionSet: { ...definition.selectionSet, selections: kept } };
  });
  return changed ? { ...document, definitions } : undefined;
}

/** Validates `document` against `schema` and returns AppSync-worded entries (empty when valid). */
export function validateAsAppSync(schema: GraphQLSchema, document: DocumentNode): AppSyncValidationEntry[] {
  const shorter = withoutAliasedRootRepeats(document);
  if (shorter && validate(schema, shorter).length === 0) return [];
  const ruleOf = new Map<GraphQLError, string>();
  // Each standard rule sees a context whose reportError remembers which rule spoke.
  const tagged: ValidationRule[] = specifiedRules.map((rule) => (context: ValidationContext) => {
    const proxy = new Proxy(context, {
      get(target, prop) {
        if (prop === 'reportError')
          return (error: GraphQLError) => {
            ruleOf.set(error, rule.name);
            target.reportError(error);
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return rule(proxy);
  });
  // The overlap rule compares every pair of same-named siblings, so 1,000 copies of one field cost a
  // million comparisons. Identical copies can never conflict with each other, and each conflicts with a
  // third field exactly as the first copy does, so that rule runs on a copy of the document with the
  // repeats dropped: the same findings, at a cost that grows with the distinct selections only.
  const overlap = tagged[specifiedRules.indexOf(OverlappingFieldsCanBeMergedRule)] as ValidationRule;
  const problems = [
    ...validate(
      schema,
      document,
      tagged.filter((rule) => rule !== overlap),
    ),
    ...validate(schema, withoutRepeats(document), [overlap]),
  ];
  if (problems.length === 0) return [];
  const where = locate(document);
  return problems.map((error) => ({
    path: null,
    locations: (error.locations ?? []).map((l) => ({ line: l.line, column: l.column, sourceName: null })),
    message: reword(ruleOf.get(error) ?? 'Validation', error, where),
  }));
}
