import { describe, expect, it } from 'vitest';
import { adminConsentOutcome } from './useAdminConsentOutcome';

describe('adminConsentOutcome', () => {
  it('says consent was granted', () => {
    expect(adminConsentOutcome('granted', null)).toMatchObject({ granted: true });
  });

  it("names Microsoft's code when consent was refused", () => {
    expect(adminConsentOutcome('refused', 'AADSTS65004')?.text).toContain('(AADSTS65004)');
  });

  it('shows no code that is not an AADSTS code', () => {
    expect(adminConsentOutcome('refused', '<b>phish</b>')?.text).not.toContain('phish');
  });

  it('says nothing without an answer from the consent page', () => {
    expect(adminConsentOutcome(null, null)).toBeNull();
    expect(adminConsentOutcome('other', null)).toBeNull();
  });
});
