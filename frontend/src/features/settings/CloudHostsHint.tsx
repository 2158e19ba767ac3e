// Under the Cloud choice: the sign-in, IMAP, SMTP and Graph hosts that choice makes the app talk to.
import type { MicrosoftSettings } from './formState';

type Props = { hosts: MicrosoftSettings['cloudHosts']; cloud: string };

export function CloudHostsHint({ hosts, cloud }: Props) {
  const chosen = hosts.find((h) => h.cloud === cloud);
  if (!chosen) return null;
  return (
    <dl className="cloud-hosts" aria-label="Hosts used in this cloud">
      <dt>Sign-in</dt>
      <dd>{chosen.login}</dd>
      <dt>IMAP</dt>
      <dd>{chosen.imap}</dd>
      <dt>SMTP</dt>
      <dd>{chosen.smtp}</dd>
      <dt>Graph</dt>
      <dd>{chosen.graph}</dd>
    </dl>
  );
}
