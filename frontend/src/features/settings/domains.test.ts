// Tests the "Allowed e-mail domains" textarea <-> list conversion and its change detection.
import { describe, expect, it } from 'vitest';
import { formatDomains, parseDomains, sameDomains } from './domains';

describe('parseDomains', () => {
  it('reads one domain per line, trimmed and lower-cased, without blank lines or repeats', () => {
    expect(parseDomains('  Contoso.com \n\nfabrikam.com\r\ncontoso.COM\n')).toEqual(['contoso.com', 'fabrikam.com']);
  });
  it('also accepts commas, semicolons and spaces between domains', () => {
    expect(parseDomains('contoso.com, fabrikam.com;tailspin.io  wingtip.org')).toEqual([
      'contoso.com',
      'fabrikam.com',
      'tailspin.io',
      'wingtip.org',
    ]);
  });
  it('is empty for an empty or blank text', () => {
    expect(parseDomains('')).toEqual([]);
    expect(parseDomains(' \n \n')).toEqual([]);
  });
  it('keeps what is not a domain, for the server to refuse with a message', () => {
    expect(parseDomains('not a@domain')).toEqual(['not', 'a@domain']);
  });
});

describe('formatDomains', () => {
  it('puts each domain on its own line, and round-trips', () => {
    expect(formatDomains(['contoso.com', 'fabrikam.com'])).toBe('contoso.com\nfabrikam.com');
    expect(parseDomains(formatDomains(['contoso.com', 'fabrikam.com']))).toEqual(['contoso.com', 'fabrikam.com']);
    expect(formatDomains([])).toBe('');
  });
});

describe('sameDomains', () => {
  it('ignores spacing, case, blank lines and repeats', () => {
    expect(sameDomains('contoso.com\nfabrikam.com', ' CONTOSO.com\n\nfabrikam.com \ncontoso.com')).toBe(true);
  });
  it('sees an added, removed or reordered domain', () => {
    expect(sameDomains('contoso.com', 'contoso.com\nfabrikam.com')).toBe(false);
    expect(sameDomains('contoso.com\nfabrikam.com', 'contoso.com')).toBe(false);
    expect(sameDomains('contoso.com\nfabrikam.com', 'fabrikam.com\ncontoso.com')).toBe(false);
  });
});
