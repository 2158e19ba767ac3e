// GraphQL documents of the audit log: a page of events for a filter, and the filtered log as CSV.
import { graphql } from '../../gql';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          occurredAt
          kind
          actor {
            id
            name
          }
          clientAddress
          summary
          details {
            name
            value
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AuditLogCsvQuery = graphql(`
  query AuditLogCsv($filter: AuditLogFilter) {
    auditLogCsv(filter: $filter) {
      csv
      rowCount
      errors {
        field
        code
        message
      }
    }
  }
`);
