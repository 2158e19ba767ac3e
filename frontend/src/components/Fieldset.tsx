// A collapsible Oro fieldset: a header bar that folds its rows away.
import { useId, useState, type ReactNode } from 'react';

type Props = { legend: string; children: ReactNode };

export function Fieldset({ legend, children }: Props) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  return (
    <section className="fieldset" aria-label={legend}>
      <h3 className="fieldset-legend">
        <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {legend}
        </button>
      </h3>
      <div id={bodyId} className="fieldset-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
