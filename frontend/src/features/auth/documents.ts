// GraphQL documents of the auth feature: who is signed in, and the password change.
import { graphql } from '../../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      email
      role
      mustChangePassword
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
        mustChangePassword
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
