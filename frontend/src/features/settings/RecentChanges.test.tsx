// "Recent changes" shows each change's old and new value (a secret's as a dash) and links to the whole audit log.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStubs } from '../../lib/testing';
import { RecentChanges } from './RecentChanges';

afterEach(cleanup);

const change = (id: string, setting: string, action: string, oldValue: string | null, newValue: string | null) => ({
  id,
  setting,
  action,
  oldValue,
  newValue,
  changedBy: 'alice',
  changedAt: '2030-03-14T10:00:00Z',
});

describe('RecentChanges', () => {
  it('shows old and new values and links to the settings changes in the audit log', async () => {
    renderWithStubs(<RecentChanges />, {
      SettingChanges: () => ({
        settingChanges: [
          change('2', 'tenant', 'SET', 'common', 'contoso.onmicrosoft.com'),
          change('1', 'clientSecret', 'SECRET_REPLACED', null, null),
        ],
      }),
    });
    const tenant = (await screen.findByRole('cell', { name: 'Directory (Tenant) ID' })).closest('tr') as HTMLElement;
    expect(within(tenant).getByText('common')).toBeTruthy();
    expect(within(tenant).getByText('contoso.onmicrosoft.com')).toBeTruthy();
    const secret = screen.getByRole('cell', { name: 'Client Secret' }).closest('tr') as HTMLElement;
    expect(within(secret).getAllByText('—')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'All changes in the audit log' }).getAttribute('href')).toBe(
      '/system/audit?kind=SETTING_CHANGED',
    );
  });
});
