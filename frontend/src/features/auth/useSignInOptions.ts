// Asks once what the sign-in page offers; the server hands out the last Microsoft error only once, so never twice.
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { SignInOptionsQuery as Result } from '../../gql/graphql';
import { SignInOptionsQuery } from './documents';

export type SignInOptions = Result['signInOptions'];
export type SignInOptionsState = { options: SignInOptions | null; loaded: boolean };

export function useSignInOptions(withError: boolean): SignInOptionsState {
  const client = useClient();
  const asked = useRef(false);
  const [state, setState] = useState<SignInOptionsState>({ options: null, loaded: false });

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    client
      .query(SignInOptionsQuery, { withError })
      .toPromise()
      .then((result) => setState({ options: result.data?.signInOptions ?? null, loaded: true }))
      .catch(() => setState({ options: null, loaded: true }));
  }, [client, withError]);

  return state;
}
