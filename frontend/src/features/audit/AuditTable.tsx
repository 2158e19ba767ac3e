// The audit log's events in a grid: when, what kind, who and from where, what happened, and its details.
import { formatDateTime } from '../../lib/format';
import { KIND_LABELS } from './auditLog';
import type { AuditEvent } from './useAuditPages';

export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <table className="grid audit-table">
      <thead>
        <tr>
          <th>When</th>
          <th>Kind</th>
          <th>Actor</th>
          <th>What happened</th>
          <th>Details</th>
          <th>Client address</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>
              <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
            </td>
            <td>{KIND_LABELS[e.kind] ?? e.kind}</td>
            <td title={e.actor.id ?? undefined}>{e.actor.name ?? '—'}</td>
            <td>{e.summary}</td>
            <td>
              <dl className="audit-details">
                {e.details.map((d) => (
                  <div key={d.name}>
                    <dt>{d.name}</dt>
                    <dd>{d.value ?? '—'}</dd>
                  </div>
                ))}
              </dl>
            </td>
            <td>{e.clientAddress ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
