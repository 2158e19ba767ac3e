// GraphQL documents of the auth feature: who is signed in, the password change, signing out everywhere, and what
// the sign-in page offers.
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

export const SignInOptionsQuery = graphql(`
  query SignInOptions($withError: Boolean!) {
    signInOptions {
      microsoft
      microsoftUrl
      lastError @include(if: $withError) {
        error
        aadsts
        message
        microsoftDescription
        traceId
        correlationId
        consentUrl
      }
    }
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere {
      endedSessions
      errors {
        field
        code
        message
      }
    }
  }
`);
