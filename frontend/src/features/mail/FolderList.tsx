// The mailbox's synchronised folders, each with its unread and total counts; the open one is marked.
import { countsLabel, type Folder } from './reader';

type Props = { folders: readonly Folder[]; openId: string; onOpen: (id: string) => void };

export function FolderList({ folders, openId, onOpen }: Props) {
  return (
    <nav className="panel mail-folders" aria-label="Folders">
      <ul>
        {folders.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              className={`folder${f.id === openId ? ' open' : ''}${f.unread ? ' has-unread' : ''}`}
              aria-current={f.id === openId ? 'true' : undefined}
              title={countsLabel(f)}
              onClick={() => onOpen(f.id)}
            >
              <span className="folder-name">{f.fullName}</span>
              <span className="folder-counts" aria-hidden="true">
                {f.unread}/{f.total}
              </span>
              <span className="visually-hidden">{countsLabel(f)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
