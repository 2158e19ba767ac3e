// The audit log's filter between the page's address, the form and the API, and the CSV's file name.
import { describe, expect, it } from 'vitest';
import { apiFilter, csvFileName, formFromSearch, formProblem, KINDS, searchFromForm } from './auditLog';

describe('audit log filter', () => {
  it('reads the address, keeping only known kinds and real days', () => {
    const form = formFromSearch(
      new URLSearchParams('actor=ali&kind=SETTING_CHANGED&kind=NOPE&kind=USER_DELETED&from=2030-03-14&to=soon'),
    );
    expect(form).toEqual({ actor: 'ali', kinds: ['SETTING_CHANGED', 'USER_DELETED'], from: '2030-03-14', to: '' });
  });

  it('writes the address back without empty parts', () => {
    const search = searchFromForm({ actor: '  ', kinds: ['API_TOKEN_CREATED', 'API_TOKEN_REVOKED'], from: '', to: '' });
    expect(search.toString()).toBe('kind=API_TOKEN_CREATED&kind=API_TOKEN_REVOKED');
  });

  it('asks the API from the first day’s start to the end of the last day, in local time', () => {
    const filter = apiFilter({ actor: ' bob ', kinds: [], from: '2030-03-14', to: '2030-03-15' });
    expect(filter.actor).toBe('bob');
    expect(filter.kinds).toBeNull();
    expect(filter.from).toBe(new Date(2030, 2, 14).toISOString());
    expect(filter.to).toBe(new Date(2030, 2, 16).toISOString());
    expect(apiFilter({ actor: '', kinds: [], from: '', to: '' })).toEqual({
      actor: null,
      kinds: null,
      from: null,
      to: null,
    });
  });

  it('refuses a last day before the first', () => {
    expect(formProblem({ actor: '', kinds: [], from: '2030-03-15', to: '2030-03-14' })).toMatch(/last day/);
    expect(formProblem({ actor: '', kinds: [], from: '2030-03-14', to: '2030-03-14' })).toBeNull();
  });

  it('labels every kind the API has, the users helper’s included', () => {
    expect(KINDS).toContain('USER_ROLE_CHANGED');
    expect(KINDS).toHaveLength(16);
  });

  it('names the CSV after the day', () => {
    expect(csvFileName(new Date(2030, 0, 5, 23, 59))).toBe('audit-log-2030-01-05.csv');
  });
});
