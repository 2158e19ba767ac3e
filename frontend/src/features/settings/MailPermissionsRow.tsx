// Which delegated permissions to add in Azure (API permissions) for mailboxes over each transport, in the saved Cloud.
import { FormRow } from '../../components/FormRow';
import type { MailTransport } from '../../gql/graphql';
import type { MicrosoftSettings } from './formState';

const TRANSPORT: Record<MailTransport, string> = { IMAP: 'IMAP and SMTP', GRAPH: 'Microsoft Graph' };

export function MailPermissionsRow({ permissions }: { permissions: MicrosoftSettings['mailPermissions'] }) {
  return (
    <FormRow
      id="mailPermissions"
      label="Mailbox permissions"
      help="Add these delegated permissions to the application in Azure (App registrations > API permissions), then grant consent. Each mailbox uses the ones of the transport it was connected over."
    >
      {() => (
        <dl className="mail-permissions" id="mailPermissions" aria-label="Delegated permissions per transport">
          {permissions.map((p) => (
            <div key={p.transport}>
              <dt>{TRANSPORT[p.transport]}</dt>
              <dd>
                {p.api} ({p.resource}): <code>{p.delegated.join(', ')}</code>
                {p.sharedMailbox.length > 0 && (
                  <>
                    ; shared mailboxes also <code>{p.sharedMailbox.join(', ')}</code>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </FormRow>
  );
}
