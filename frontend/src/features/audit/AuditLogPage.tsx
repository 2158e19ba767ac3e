// System > Audit log: every administrative and security-relevant action, filtered, page by page, exported as CSV.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useClient } from 'urql';
import { Flash } from '../../components/Flash';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { apiFilter, csvFileName, formFromSearch, saveFile, searchFromForm } from './auditLog';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AuditLogCsvQuery } from './documents';
import { useAuditPages } from './useAuditPages';

type FlashState = { type: 'success' | 'error'; text: string } | null;

export function AuditLogPage() {
  const [search, setSearch] = useSearchParams();
  const applied = formFromSearch(search);
  const filter = apiFilter(applied);
  const { events, hasMore, loading, error, denied, loadMore } = useAuditPages(filter);
  const client = useClient();
  const [exporting, setExporting] = useState(false);
  const [flash, setFlash] = useState<FlashState>(null);
  if (denied) return <NoAccess />;

  async function exportCsv() {
    setExporting(true);
    setFlash(null);
    const result = await client.query(AuditLogCsvQuery, { filter }, { requestPolicy: 'network-only' }).toPromise();
    setExporting(false);
    const payload = result.data?.auditLogCsv;
    const problem = payload?.errors[0]?.message ?? result.error?.message;
    if (problem || payload?.csv == null) {
      setFlash({ type: 'error', text: `The CSV was not exported. ${problem ?? 'No answer.'}` });
      return;
    }
    saveFile(payload.csv, csvFileName(new Date()));
    setFlash({ type: 'success', text: `Exported ${payload.rowCount} events as CSV.` });
  }

  const exportButton = (
    <button type="button" className="btn" disabled={exporting} onClick={() => void exportCsv()}>
      {exporting ? 'Exporting…' : 'Export CSV'}
    </button>
  );
  return (
    <>
      <PageHeader breadcrumb={['System', 'Audit log']} title="Audit log" actions={exportButton} />
      {flash && <Flash type={flash.type}>{flash.text}</Flash>}
      <AuditFilters key={search.toString()} applied={applied} onApply={(form) => setSearch(searchFromForm(form))} />
      <div className="panel">
        {error && <Flash type="error">The audit log could not be loaded. {error}</Flash>}
        {events.length > 0 && <AuditTable events={events} />}
        {!loading && !error && events.length === 0 && <p className="muted">No events match the filter.</p>}
        {loading && <p className="muted">Loading…</p>}
        {hasMore && !loading && (
          <button type="button" className="btn" onClick={loadMore}>
            Load more
          </button>
        )}
      </div>
    </>
  );
}
