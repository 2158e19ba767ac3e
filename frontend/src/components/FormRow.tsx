// One Oro configuration row: label with help tooltip, the input, its hint and errors, and "Use Default".
import type { ReactNode } from 'react';
import { HelpTooltip } from './HelpTooltip';

type Props = {
  id: string;
  label: string;
  help?: string;
  hint?: ReactNode;
  errors?: readonly string[];
  useDefault?: { checked: boolean; onChange: (checked: boolean) => void };
  children: (describedBy: string | undefined) => ReactNode;
};

export function FormRow({ id, label, help, hint, errors, useDefault, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-row${errorId ? ' has-error' : ''}`} data-field={id}>
      <div className="form-label">
        <label htmlFor={id} id={`${id}-label`}>
          {label}
        </label>
        {help && <HelpTooltip id={`${id}-help`} text={help} />}
      </div>
      <div className="form-control">
        {children(describedBy)}
        {errorId && (
          <div className="field-error" id={errorId}>
            {errors!.map((e) => (
              <div key={e}>{e}</div>
            ))}
          </div>
        )}
        {hint && (
          <div className="field-hint" id={hintId}>
            {hint}
          </div>
        )}
      </div>
      <div className="form-default">
        {useDefault && (
          <label>
            <input
              type="checkbox"
              id={`${id}-use-default`}
              aria-describedby={`${id}-label`}
              checked={useDefault.checked}
              onChange={(e) => useDefault.onChange(e.target.checked)}
            />{' '}
            Use Default
          </label>
        )}
      </div>
    </div>
  );
}
