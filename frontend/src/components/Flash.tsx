// Oro-style flash message shown at the top of a page: green for success, red for errors.
import type { ReactNode } from 'react';

type Props = { type: 'success' | 'error'; children: ReactNode; details?: readonly string[] };

export function Flash({ type, children, details }: Props) {
  return (
    <div className={`flash flash-${type}`} role={type === 'error' ? 'alert' : 'status'}>
      <div>{children}</div>
      {details && details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
