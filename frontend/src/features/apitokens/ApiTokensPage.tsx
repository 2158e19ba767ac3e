// My Account > API Tokens: the caller's personal tokens for tooling, creating one (secret shown once) and revoking.
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Flash } from '../../components/Flash';
import { PageHeader } from '../../components/PageHeader';
import type { ApiTokenFieldsFragment } from '../../gql/graphql';
import { CreateTokenForm } from './CreateTokenForm';
import { ApiTokensQuery, RevokeApiTokenMutation } from './documents';
import { NewTokenSecret } from './NewTokenSecret';
import { TokensTable } from './TokensTable';

type FlashState = { type: 'success' | 'error'; text: string } | null;

export function ApiTokensPage() {
  const [{ data, error }, reload] = useQuery({ query: ApiTokensQuery });
  const [{ fetching: revoking, operation }, revoke] = useMutation(RevokeApiTokenMutation);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [flash, setFlash] = useState<FlashState>(null);
  const refresh = () => reload({ requestPolicy: 'network-only' });

  function onCreated(name: string, secret: string) {
    setFlash(null);
    setCreated({ name, secret });
    refresh();
  }

  async function onRevoke(token: ApiTokenFieldsFragment) {
    if (!window.confirm(`Revoke the token “${token.name}”? Tools using it will stop working at once.`)) return;
    setFlash(null);
    const result = await revoke({ input: { id: token.id } });
    const payload = result.data?.revokeApiToken;
    const problem = payload?.errors[0]?.message ?? result.error?.message;
    setFlash(
      problem
        ? { type: 'error', text: `The token was not revoked. ${problem}` }
        : { type: 'success', text: `Token “${token.name}” revoked.` },
    );
    refresh();
  }

  const revokingId = revoking ? (operation?.variables.input.id ?? null) : null;
  return (
    <>
      <PageHeader breadcrumb={['My Account', 'API Tokens']} title="API Tokens" />
      {flash && <Flash type={flash.type}>{flash.text}</Flash>}
      {error && <Flash type="error">The tokens could not be loaded. {error.message}</Flash>}
      {created && <NewTokenSecret name={created.name} secret={created.secret} />}
      <div className="tokens-layout">
        <div className="panel">
          <p className="muted intro">
            Scripts and services call the GraphQL API with a personal token and act as you, with your role.
          </p>
          {data && <TokensTable tokens={data.apiTokens} revoking={revokingId} onRevoke={(t) => void onRevoke(t)} />}
        </div>
        <CreateTokenForm onCreated={onCreated} />
      </div>
    </>
  );
}
