// GraphQL documents of the dashboard feature: the overseen mailboxes' health, and the sync steps that change it.
import { graphql } from '../../gql';

export const DashboardQuery = graphql(`
  query Dashboard {
    dashboard {
      scope
      mailboxes {
        total
        connected
        failing
        needsReconnect
        accessRefused
        disconnected
      }
      push {
        watched
        connecting
        failing
        notWatched
      }
      recentFailures {
        mailbox {
          id
          kind
          address
          owner
        }
        failure {
          state
          reason
          at
        }
      }
      tokensNotRefreshed {
        id
        kind
        address
        owner
        lastError
      }
      credential {
        configured
        expiresInDays
        expiringSoon
        rejectedAt
        message
      }
    }
  }
`);

export const DashboardSyncStepsSubscription = graphql(`
  subscription DashboardSyncSteps {
    mailboxSyncStatus {
      mailboxId
      state
      at
    }
  }
`);
