// Holds the signed-in user and a fresh urql client per session; signs in and out, here or everywhere, and notices
// when the server ended the session (signed out elsewhere, password changed): the user is then back at sign-in.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { createGraphqlClient } from '../../lib/graphqlClient';
import type { MeQuery as MeResult } from '../../gql/graphql';
import { postLogin, postLogout } from './api';
import { MeQuery, SignOutEverywhereMutation } from './documents';

export type Me = NonNullable<MeResult['me']>;

type Session = {
  me: Me | null;
  loading: boolean;
  signedOut: boolean;
  /** True when the server ended the session, not this browser's "Sign out". */
  endedElsewhere: boolean;
  signIn: (username: string, password: string) => Promise<string | null>;
  signOut: () => Promise<void>;
  /** Ends every session of the user, this one included; answers an error message, or null. */
  signOutEverywhere: () => Promise<string | null>;
};

const SessionContext = createContext<Session | null>(null);

async function loadMe(client: Client): Promise<Me | null> {
  const result = await client.query(MeQuery, {}).toPromise();
  return result.data?.me ?? null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const ended = useRef<() => void>(() => {});
  // The client calls this back when its socket closes, never during render, so it reads the ref only then.
  // eslint-disable-next-line react-hooks/refs
  const [client, setClient] = useState(() => createGraphqlClient(() => ended.current()));
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [signedOut, setSignedOut] = useState(false);
  const [endedElsewhere, setEndedElsewhere] = useState(false);

  useEffect(() => {
    loadMe(client)
      .then(setMe)
      .finally(() => setLoading(false));
  }, [client]);

  const signedOutNow = useCallback((byServer: boolean) => {
    setClient(createGraphqlClient(() => ended.current()));
    setSignedOut(true);
    setEndedElsewhere(byServer);
    setMe(null);
  }, []);

  useEffect(() => {
    ended.current = () => {
      if (me) signedOutNow(true);
    };
  }, [me, signedOutNow]);

  const signIn = useCallback(async (username: string, password: string) => {
    const result = await postLogin(username, password);
    if (!result.ok) return result.error;
    const next = createGraphqlClient(() => ended.current());
    const user = await loadMe(next);
    if (!user) return 'Signed in, but the session could not be read. Please try again.';
    setClient(next);
    setMe(user);
    setSignedOut(false);
    setEndedElsewhere(false);
    return null;
  }, []);

  const signOut = useCallback(async () => {
    await postLogout();
    signedOutNow(false);
  }, [signedOutNow]);

  const signOutEverywhere = useCallback(async () => {
    const result = await client.mutation(SignOutEverywhereMutation, {}).toPromise();
    if (result.error || !result.data) return 'The sessions could not be ended. Please try again.';
    signedOutNow(false);
    return null;
  }, [client, signedOutNow]);

  const value = useMemo(
    () => ({ me, loading, signedOut, endedElsewhere, signIn, signOut, signOutEverywhere }),
    [me, loading, signedOut, endedElsewhere, signIn, signOut, signOutEverywhere],
  );
  return (
    <SessionContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
