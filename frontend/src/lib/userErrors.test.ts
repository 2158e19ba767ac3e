// Tests grouping payload errors by form row.
import { describe, expect, it } from 'vitest';
import { groupUserErrors } from './userErrors';

describe('groupUserErrors', () => {
  const rows = ['clientId', 'clientSecret', 'tenant'] as const;

  it('puts each error under the row named by the first segment of its field path', () => {
    const grouped = groupUserErrors(
      [
        { field: 'clientId.value', message: 'must be a GUID' },
        { field: 'clientSecret.replaceWith', message: 'looks like the secret ID' },
        { field: 'clientId', message: 'second' },
        { field: 'input.tenant.value', message: 'bad tenant' },
      ],
      rows,
    );
    expect(grouped.byField).toEqual({
      clientId: ['must be a GUID', 'second'],
      clientSecret: ['looks like the secret ID'],
      tenant: ['bad tenant'],
    });
    expect(grouped.general).toEqual([]);
  });

  it('keeps errors without a field, or with an unknown one, as general errors', () => {
    const grouped = groupUserErrors(
      [
        { field: null, message: 'whole input' },
        { field: 'clientIdentifier.value', message: 'unknown row' },
      ],
      rows,
    );
    expect(grouped.byField).toEqual({});
    expect(grouped.general).toEqual(['whole input', 'unknown row']);
  });
});
