// Holds the signed-in user and a fresh urql client per session; signs in and out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { createGraphqlClient } from '../../lib/graphqlClient';
import type { MeQuery as MeResult } from '../../gql/graphql';
import { postLogin, postLogout } from './api';
import { MeQuery } from './documents';

export type Me = NonNullable<MeResult['me']>;

type Session = {
  me: Me | null;
  loading: boolean;
  signedOut: boolean;
  signIn: (username: string, password: string) => Promise<string | null>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

async function loadMe(client: Client): Promise<Me | null> {
  const result = await client.query(MeQuery, {}).toPromise();
  return result.data?.me ?? null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState(createGraphqlClient);
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    loadMe(client).then(setMe).finally(() => setLoading(false));
  }, [client]);

  const signIn = useCallback(async (username: string, password: string) => {
    const result = await postLogin(username, password);
    if (!result.ok) return result.error;
    const next = createGraphqlClient();
    const user = await loadMe(next);
    if (!user) return 'Signed in, but the session could not be read. Please try again.';
    setClient(next);
    setMe(user);
    setSignedOut(false);
    return null;
  }, []);

  const signOut = useCallback(async () => {
    await postLogout();
    setClient(createGraphqlClient());
    setSignedOut(true);
    setMe(null);
  }, []);

  const value = useMemo(
    () => ({ me, loading, signedOut, signIn, signOut }),
    [me, loading, signedOut, signIn, signOut],
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
