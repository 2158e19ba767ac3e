// Renders System > Audit log against stubbed GraphQL: the events, filters in the address, Load more, CSV export.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithStubs } from '../../lib/testing';
import { AuditLogPage } from './AuditLogPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const event = (id: string, kind: string, summary: string, details: { name: string; value: string | null }[] = []) => ({
  id,
  occurredAt: '2030-03-14T10:00:00Z',
  kind,
  actor: { id: 'a1', name: 'alice' },
  clientAddress: '192.0.2.7',
  summary,
  details,
});
const page = (events: ReturnType<typeof event>[], endCursor: string | null, hasNextPage: boolean) => ({
  auditLog: { edges: events.map((node) => ({ cursor: `c-${node.id}`, node })), pageInfo: { hasNextPage, endCursor } },
});

const FIRST = [
  event('2', 'SETTING_CHANGED', 'Directory (Tenant) ID: “common” → “contoso”', [
    { name: 'setting', value: 'microsoft.tenant' },
    { name: 'oldValue', value: 'common' },
    { name: 'newValue', value: 'contoso' },
  ]),
  event('1', 'USER_ROLE_CHANGED', 'Changed the role of dave from USER to ADMIN'),
];
const SECOND = [event('0', 'API_TOKEN_CREATED', 'Created the API token “ci”')];

function renderPage(url = '/system/audit', csv: Record<string, unknown> = { csv: 'a,b\r\n', rowCount: 3, errors: [] }) {
  return renderWithStubs(
    <AuditLogPage />,
    {
      AuditLog: (v) => (v.after ? page(SECOND, 'c-0', false) : page(FIRST, 'c-1', true)),
      AuditLogCsv: () => ({ auditLogCsv: csv }),
    },
    { path: '/system/audit', url },
  );
}

/** jsdom's Blob has no text(): read it as a browser's FileReader does. */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const row = (text: string) => screen.getByRole('cell', { name: text }).closest('tr') as HTMLElement;

describe('AuditLogPage', () => {
  it('shows each event with its kind, actor, address and details, and loads the next page on demand', async () => {
    const { of } = renderPage();
    await screen.findByRole('cell', { name: 'Directory (Tenant) ID: “common” → “contoso”' });
    const setting = row('Directory (Tenant) ID: “common” → “contoso”');
    expect(within(setting).getByText('Setting changed')).toBeTruthy();
    expect(within(setting).getByText('alice')).toBeTruthy();
    expect(within(setting).getByText('192.0.2.7')).toBeTruthy();
    expect(within(setting).getByText('oldValue').nextSibling?.textContent).toBe('common');
    expect(within(setting).getByText('newValue').nextSibling?.textContent).toBe('contoso');
    expect(within(row('Changed the role of dave from USER to ADMIN')).getByText('User role changed')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('cell', { name: 'Created the API token “ci”' });
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(of('AuditLog').map((b) => b.variables.after)).toEqual([null, 'c-1']);
  });

  it('takes the filter from the address and puts a new one there', async () => {
    const { of, router } = renderPage('/system/audit?kind=SETTING_CHANGED&actor=ali');
    await screen.findByRole('cell', { name: 'Directory (Tenant) ID: “common” → “contoso”' });
    expect(of('AuditLog')[0].variables.filter).toEqual({
      actor: 'ali',
      kinds: ['SETTING_CHANGED'],
      from: null,
      to: null,
    });
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Setting changed' }).checked).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: 'API token revoked' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2030-03-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => expect(of('AuditLog')).toHaveLength(2));
    expect(router.state.location.search).toBe('?actor=ali&kind=SETTING_CHANGED&kind=API_TOKEN_REVOKED&from=2030-03-14');
    expect(of('AuditLog')[1].variables.filter).toMatchObject({ kinds: ['SETTING_CHANGED', 'API_TOKEN_REVOKED'] });

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('refuses a last day before the first without asking the server', async () => {
    const { of } = renderPage();
    await screen.findByRole('cell', { name: 'Directory (Tenant) ID: “common” → “contoso”' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2030-03-15' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2030-03-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect((await screen.findByText('The last day must not be before the first day.')).id).toBe('audit-dates-error');
    expect(of('AuditLog')).toHaveLength(1);
  });

  it('exports the filtered log as a CSV file', async () => {
    // jsdom has no object URLs: these stand in for the browser's
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return 'blob:audit';
      },
      revokeObjectURL: () => {},
    });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { of } = renderPage('/system/audit?kind=USER_DELETED');
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByRole('status')).textContent).toBe('Exported 3 events as CSV.');
    expect(of('AuditLogCsv')[0].variables.filter).toMatchObject({ kinds: ['USER_DELETED'] });
    expect(await textOf(created[0])).toBe('a,b\r\n');
    expect(created[0].type).toBe('text/csv;charset=utf-8');
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
  });

  it('says why an export was refused', async () => {
    renderPage('/system/audit', {
      csv: null,
      rowCount: 0,
      errors: [{ field: null, code: 'PRECONDITION_FAILED', message: 'More than 10,000 events match.' }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The CSV was not exported. More than 10,000 events match.',
    );
  });
});
