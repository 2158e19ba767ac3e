// GraphQL documents of the users feature: list users, create one, and an admin's actions on an account.
import { graphql } from '../../gql';

export const UserFields = graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    email
    role
    enabled
    mustChangePassword
    lastSignedInAt
    createdAt
    microsoftIdentities {
      tenantId
      objectId
      email
    }
  }
`);

export const UsersQuery = graphql(`
  query Users {
    users {
      ...UserFields
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...UserFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($input: UserIdInput!) {
    disableUser(input: $input) {
      user {
        ...UserFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const EnableUserMutation = graphql(`
  mutation EnableUser($input: UserIdInput!) {
    enableUser(input: $input) {
      user {
        ...UserFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ChangeUserRoleMutation = graphql(`
  mutation ChangeUserRole($input: ChangeUserRoleInput!) {
    changeUserRole(input: $input) {
      user {
        ...UserFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: UserIdInput!) {
    resetUserPassword(input: $input) {
      user {
        ...UserFields
      }
      oneTimePassword
      oneTimePasswordExpiresAt
      errors {
        field
        code
        message
      }
    }
  }
`);

export const DeleteUserMutation = graphql(`
  mutation DeleteUser($input: DeleteUserInput!) {
    deleteUser(input: $input) {
      deletedUserId
      keptMailboxes
      errors {
        field
        code
        message
      }
    }
  }
`);

export const UnlinkMicrosoftIdentityMutation = graphql(`
  mutation UnlinkMicrosoftIdentity($input: UnlinkMicrosoftIdentityInput!) {
    unlinkMicrosoftIdentity(input: $input) {
      user {
        ...UserFields
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
