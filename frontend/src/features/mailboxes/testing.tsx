// Test helpers: a urql client like the app's answering from per-operation stubs (recording what was sent), in a router.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { cacheExchange, Client, fetchExchange, Provider } from 'urql';
import { vi } from 'vitest';
import type { MailboxFieldsFragment } from '../../gql/graphql';

type Sent = { operationName: string; variables: Record<string, unknown> };
export type Stubs = Record<string, (variables: Record<string, unknown>) => unknown>;

/** A mailbox as the server sends it, with its __typename so that urql re-runs the queries holding one. */
export function mailbox(more: Partial<MailboxFieldsFragment> = {}): MailboxFieldsFragment {
  const typed: MailboxFieldsFragment & { __typename: 'Mailbox' } = {
    __typename: 'Mailbox',
    id: '7d7e6f3a-0000-4000-8000-000000000001',
    kind: 'PERSONAL',
    address: 'jane@contoso.com',
    owner: 'jane',
    state: 'CONNECTED',
    lastError: null,
    accessTokenExpiresAt: '2999-01-01T10:00:00Z',
    connectedAt: '2030-01-01T09:00:00Z',
    connectedBy: 'jane',
    lastCheckAt: null,
    imapCheck: null,
    smtpCheck: null,
    selectedFolders: [],
    ...more,
  };
  return typed;
}

export function renderWithStubs(element: ReactElement, stubs: Stubs, { path = '/', url = '/' } = {}) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Sent;
    sent.push(body);
    const stub = stubs[body.operationName];
    if (!stub) throw new Error(`no stub for ${body.operationName}`);
    return new Response(JSON.stringify({ data: stub(body.variables ?? {}) }), {
      headers: { 'Content-Type': 'application/json' },
    });
  });
  const client = new Client({ url: 'http://localhost/graphql', exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false, fetch, requestPolicy: 'network-only' });
  const router = createMemoryRouter([{ path, element }, { path: '*', element: <p>elsewhere</p> }], {
    initialEntries: [url],
  });
  render(
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>,
  );
  return { sent, router, of: (name: string) => sent.filter((b) => b.operationName === name) };
}
