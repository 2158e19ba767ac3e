// Test helpers: a urql client answering from per-operation stubs (recording what was sent), pushed subscriptions.
import { act, render, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { cacheExchange, Client, fetchExchange, Provider, subscriptionExchange } from 'urql';
import { expect, vi } from 'vitest';

type Sent = { operationName: string; variables: Record<string, unknown> };
type Subscriber = Sent & { next: (data: unknown) => void };
export type Stubs = Record<string, (variables: Record<string, unknown>) => unknown>;

function liveExchange(subscribers: Subscriber[]) {
  return subscriptionExchange({
    forwardSubscription: (request) => ({
      subscribe(sink) {
        const subscriber = {
          operationName: request.operationName ?? '',
          variables: request.variables ?? {},
          next: (data: unknown) => sink.next({ data: data as Record<string, unknown> }),
        };
        subscribers.push(subscriber);
        return { unsubscribe: () => void subscribers.splice(subscribers.indexOf(subscriber), 1) };
      },
    }),
  });
}

export function renderWithStubs(element: ReactElement, stubs: Stubs, { path = '/', url = '/' } = {}) {
  const sent: Sent[] = [];
  const subscribers: Subscriber[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Sent;
    sent.push(body);
    const stub = stubs[body.operationName];
    if (!stub) throw new Error(`no stub for ${body.operationName}`);
    return new Response(JSON.stringify({ data: stub(body.variables ?? {}) }), {
      headers: { 'Content-Type': 'application/json' },
    });
  });
  const client = new Client({
    url: 'http://localhost/graphql',
    exchanges: [cacheExchange, fetchExchange, liveExchange(subscribers)],
    preferGetMethod: false,
    fetch,
    requestPolicy: 'network-only',
  });
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: <p>elsewhere</p> },
    ],
    {
      initialEntries: [url],
    },
  );
  render(
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>,
  );
  /** Sends data to the open subscriptions of that operation whose variables pass the filter. */
  function push(name: string, data: unknown, where: (variables: Record<string, unknown>) => boolean = () => true) {
    const targets = subscribers.filter((s) => s.operationName === name && where(s.variables));
    act(() => targets.forEach((s) => s.next(data)));
  }
  /** Waits until a subscription of that operation whose variables pass the filter is open, so pushes reach it. */
  async function subscribed(name: string, where: (variables: Record<string, unknown>) => boolean = () => true) {
    await waitFor(() => expect(subscribers.some((s) => s.operationName === name && where(s.variables))).toBe(true));
  }
  const of = (name: string) => sent.filter((b) => b.operationName === name);
  return { sent, router, subscribers, push, subscribed, of };
}
