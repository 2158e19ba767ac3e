// GraphQL documents of the credentials feature: the Microsoft credential's status, live.
import { graphql } from '../../gql';

export const MicrosoftCredentialStatusSubscription = graphql(`
  subscription MicrosoftCredentialStatus {
    microsoftCredentialStatus {
      configured
      kind
      expiresAt
      expiresInDays
      expiringSoon
      rejectedAt
      message
    }
  }
`);
