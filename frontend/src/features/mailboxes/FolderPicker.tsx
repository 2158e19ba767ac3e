// The folders the last check listed, a "Sync this folder" box for each, and "Save folders".
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { SelectMailboxFoldersMutation } from './documents';
import { selectedFolderNames } from './mailboxes';

type Folder = { fullName: string; messageCount: number; selected: boolean };

type Props = {
  mailboxId: string;
  folders: readonly Folder[];
  onSaved: (folders: string[]) => void;
  onFailed: (message: string) => void;
};

export function FolderPicker({ mailboxId, folders, onSaved, onFailed }: Props) {
  const [{ fetching }, select] = useMutation(SelectMailboxFoldersMutation);
  const [ticked, setTicked] = useState(() => new Set(folders.filter((f) => f.selected).map((f) => f.fullName)));
  const id = useId();

  function toggle(name: string, on: boolean) {
    const next = new Set(ticked);
    if (on) next.add(name);
    else next.delete(name);
    setTicked(next);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const names = selectedFolderNames(folders, ticked);
    const result = await select({ input: { mailboxId, folders: names } });
    const problem = result.data?.selectMailboxFolders.errors[0]?.message ?? result.error?.message;
    if (problem) onFailed(`The folders were not saved. ${problem}`);
    else onSaved(names);
  }

  if (folders.length === 0) return <p className="muted">The mail server listed no folders.</p>;
  return (
    <form onSubmit={save} aria-label="Folders to sync" className="folder-picker">
      <table className="grid">
        <thead>
          <tr>
            <th>Folder</th>
            <th>Messages</th>
            <th>Sync</th>
          </tr>
        </thead>
        <tbody>
          {folders.map((f, i) => (
            <tr key={f.fullName}>
              <td id={`${id}-name-${i}`}>{f.fullName}</td>
              <td>{f.messageCount}</td>
              <td>
                <input
                  type="checkbox"
                  id={`${id}-sync-${i}`}
                  aria-labelledby={`${id}-label-${i} ${id}-name-${i}`}
                  checked={ticked.has(f.fullName)}
                  onChange={(e) => toggle(f.fullName, e.target.checked)}
                />{' '}
                <label htmlFor={`${id}-sync-${i}`} id={`${id}-label-${i}`}>
                  Sync this folder
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="btn btn-primary" disabled={fetching}>
        Save folders
      </button>
    </form>
  );
}
