// GraphQL documents of the API tokens feature: the caller's tokens, creating one, revoking one.
import { graphql } from '../../gql';

export const ApiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    createdAt
    lastUsedAt
    expiresAt
    revoked
  }
`);

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token {
        ...ApiTokenFields
      }
      secret
      errors {
        field
        code
        message
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      token {
        id
        revoked
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
