// The audit log's filter form: actor (name or id), kinds, first and last day; applied with "Filter", reset with "Clear".
import { useState, type FormEvent } from 'react';
import type { AuditEventKind } from '../../gql/graphql';
import { formProblem, KIND_LABELS, KINDS, NO_FILTER, type FilterForm } from './auditLog';

type Props = { applied: FilterForm; onApply: (form: FilterForm) => void };

export function AuditFilters({ applied, onApply }: Props) {
  const [form, setForm] = useState(applied);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (change: Partial<FilterForm>) => setForm((f) => ({ ...f, ...change }));
  const toggle = (kind: AuditEventKind, on: boolean) =>
    set({ kinds: on ? [...form.kinds, kind] : form.kinds.filter((k) => k !== kind) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const why = formProblem(form);
    setProblem(why);
    if (!why) onApply(form);
  }

  function clear() {
    setForm(NO_FILTER);
    setProblem(null);
    onApply(NO_FILTER);
  }

  return (
    <form className="panel audit-filters" aria-label="Filter the audit log" onSubmit={submit} noValidate>
      <div className="stacked-field">
        <label htmlFor="audit-actor">Actor</label>
        <input
          id="audit-actor"
          type="search"
          placeholder="Name or account id"
          value={form.actor}
          onChange={(e) => set({ actor: e.target.value })}
        />
      </div>
      <div className={`stacked-field${problem ? ' has-error' : ''}`}>
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className={`stacked-field${problem ? ' has-error' : ''}`}>
        <label htmlFor="audit-to">To</label>
        <input
          id="audit-to"
          type="date"
          aria-describedby={problem ? 'audit-dates-error' : undefined}
          value={form.to}
          onChange={(e) => set({ to: e.target.value })}
        />
        {problem && (
          <div className="field-error" id="audit-dates-error">
            {problem}
          </div>
        )}
      </div>
      <fieldset className="audit-kinds">
        <legend>Kinds (none ticked: all)</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={form.kinds.includes(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            {KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <div className="audit-filter-actions">
        <button type="submit" className="btn btn-primary">
          Filter
        </button>
        <button type="button" className="btn" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
