// GraphQL documents of the users feature: list users and create one.
import { graphql } from '../../gql';

export const UsersQuery = graphql(`
  query Users {
    users {
      id
      username
      displayName
      email
      role
      createdAt
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        username
        displayName
        email
        role
        createdAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
