// Form rows for the resettable settings: text (one line or several), boolean and choice, each with "Use Default".
import type { ReactNode } from 'react';
import { FormRow } from '../../components/FormRow';
import type { Setting } from './formState';

type RowProps<T> = {
  id: string;
  label: string;
  help?: string;
  hint?: ReactNode;
  errors?: readonly string[];
  setting: Setting<T>;
  defaultValue: T;
  onChange: (setting: Setting<T>) => void;
};

function useDefaultToggle<T>({ setting, onChange }: RowProps<T>) {
  return { checked: setting.useDefault, onChange: (useDefault: boolean) => onChange({ ...setting, useDefault }) };
}

function controlProps<T>({ id, errors, setting }: RowProps<T>, describedBy: string | undefined) {
  return {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': errors?.length ? true : undefined,
    disabled: setting.useDefault,
  };
}

export function TextSettingRow(props: RowProps<string> & { rows?: number; placeholder?: string }) {
  const { setting, defaultValue, onChange, rows, placeholder, ...row } = props;
  const value = setting.useDefault ? defaultValue : setting.value;
  const className = setting.useDefault ? 'is-default' : undefined;
  return (
    <FormRow {...row} useDefault={useDefaultToggle(props)}>
      {(describedBy) =>
        rows ? (
          <textarea
            {...controlProps(props, describedBy)}
            rows={rows}
            placeholder={placeholder}
            className={className}
            value={value}
            onChange={(e) => onChange({ ...setting, value: e.target.value })}
          />
        ) : (
          <input
            {...controlProps(props, describedBy)}
            type="text"
            placeholder={placeholder}
            className={className}
            value={value}
            onChange={(e) => onChange({ ...setting, value: e.target.value })}
          />
        )
      }
    </FormRow>
  );
}

export function BooleanSettingRow(props: RowProps<boolean>) {
  const { setting, defaultValue, onChange, ...row } = props;
  return (
    <FormRow {...row} useDefault={useDefaultToggle(props)}>
      {(describedBy) => (
        <input
          {...controlProps(props, describedBy)}
          type="checkbox"
          checked={setting.useDefault ? defaultValue : setting.value}
          onChange={(e) => onChange({ ...setting, value: e.target.checked })}
        />
      )}
    </FormRow>
  );
}

type Option<T> = { readonly value: T; readonly label: string };

export function SelectSettingRow<T extends string>(props: RowProps<T> & { options: readonly Option<T>[] }) {
  const { setting, defaultValue, onChange, options, ...row } = props;
  return (
    <FormRow {...row} useDefault={useDefaultToggle(props)}>
      {(describedBy) => (
        <select
          {...controlProps(props, describedBy)}
          value={setting.useDefault ? defaultValue : setting.value}
          onChange={(e) => onChange({ ...setting, value: e.target.value as T })}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormRow>
  );
}
