import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The shared-list API's schema, written as an AppSync customer would. AppSync's own scalars
 * (AWSTimestamp …) are built in there; graphql-js needs them declared. The auth directives
 * mirror AppSync's: mutations need a signed-in identity (user pool or IAM); reads and subscriptions
 * also accept the API key.
 */
export const SHARED_LIST_SDL = /* GraphQL */ `
  scalar AWSTimestamp

  type Item {
    id: ID!
    text: String!
    done: Boolean!
    owner: String!
    tags: [String!]!
    _version: Int!
    _lastChangedAt: AWSTimestamp!
    _deleted: Boolean
  }

  type ItemConnection {
    items: [Item!]!
    nextToken: String
    startedAt: AWSTimestamp
  }

  input CreateItemInput {
    id: ID
    text: String!
    done: Boolean
    tags: [String!]
  }

  input UpdateItemInput {
    id: ID!
    text: String
    done: Boolean
    tags: [String!]
    _version: Int!
  }

  input DeleteItemInput {
    id: ID!
    _version: Int!
  }

  type Query {
    getItem(id: ID!): Item
    listItems(limit: Int, nextToken: String): ItemConnection!
    syncItems(limit: Int, nextToken: String, lastSync: AWSTimestamp): ItemConnection!
  }

  type Mutation {
    createItem(input: CreateItemInput!): Item
    updateItem(input: UpdateItemInput!): Item
    deleteItem(input: DeleteItemInput!): Item
  }

  type Subscription {
    onCreateItem: Item
    onUpdateItem: Item
    onDeleteItem: Item
  }
`;

/** Which authorisation modes may reach each root type (AppSync's @aws_* directives, in data). */
export const FIELD_AUTH_MODES = {
  Query: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'API_KEY'],
  Mutation: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM'],
  Subscription: ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'API_KEY'],
} as const;

let cached: GraphQLSchema | undefined;
export function sharedListSchema(): GraphQLSchema {
  cached ??= buildSchema(SHARED_LIST_SDL);
  return cached;
}
