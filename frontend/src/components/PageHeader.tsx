// Breadcrumb, page title and optional actions at the top of a back-office page.
import type { ReactNode } from 'react';

type Props = { breadcrumb?: readonly string[]; title: string; actions?: ReactNode };

export function PageHeader({ breadcrumb, title, actions }: Props) {
  return (
    <div className="page-header">
      <div>
        {breadcrumb && (
          <nav aria-label="Breadcrumb" className="breadcrumb">
            {breadcrumb.join(' / ')}
          </nav>
        )}
        <h1>{title}</h1>
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
