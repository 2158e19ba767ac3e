// Form rows for the resettable settings: text, boolean and cloud, each with "Use Default".
import type { ReactNode } from 'react';
import { FormRow } from '../../components/FormRow';
import type { Cloud } from '../../gql/graphql';
import { CLOUDS } from './help';
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

export function TextSettingRow(props: RowProps<string>) {
  const { setting, defaultValue, onChange, ...row } = props;
  const { id, errors } = row;
  return (
    <FormRow {...row} useDefault={useDefaultToggle(props)}>
      {(describedBy) => (
        <input
          id={id}
          type="text"
          className={setting.useDefault ? 'is-default' : undefined}
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          disabled={setting.useDefault}
          value={setting.useDefault ? defaultValue : setting.value}
          onChange={(e) => onChange({ ...setting, value: e.target.value })}
        />
      )}
    </FormRow>
  );
}

export function BooleanSettingRow(props: RowProps<boolean>) {
  const { setting, defaultValue, onChange, ...row } = props;
  const { id, errors } = row;
  return (
    <FormRow {...row} useDefault={useDefaultToggle(props)}>
      {(describedBy) => (
        <input
          id={id}
          type="checkbox"
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          disabled={setting.useDefault}
          checked={setting.useDefault ? defaultValue : setting.value}
          onChange={(e) => onChange({ ...setting, value: e.target.checked })}
        />
      )}
    </FormRow>
  );
}

export function CloudSettingRow(props: RowProps<Cloud>) {
  const { setting, defaultValue, onChange, ...row } = props;
  const { id, errors } = row;
  return (
    <FormRow {...row} useDefault={useDefaultToggle(props)}>
      {(describedBy) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          disabled={setting.useDefault}
          value={setting.useDefault ? defaultValue : setting.value}
          onChange={(e) => onChange({ ...setting, value: e.target.value as Cloud })}
        >
          {CLOUDS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </FormRow>
  );
}
