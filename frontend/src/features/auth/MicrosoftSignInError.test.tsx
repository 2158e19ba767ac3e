// Renders the failed-sign-in box from a lastError object: message in bold, Microsoft's words, code and ids.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MicrosoftSignInError, SIGN_IN_INCOMPLETE } from './MicrosoftSignInError';

afterEach(cleanup);

const invalidSecret = {
  error: 'invalid_client',
  aadsts: 'AADSTS7000215',
  message: 'Invalid client secret: paste the secret value, not the secret ID.',
  microsoftDescription: 'AADSTS7000215: Invalid client secret provided.',
  traceId: '0b6f1a52-1c1e-4a43-9d2c-3c8e5a2f0e01',
  correlationId: '5d1c2e7a-8b9f-4c3d-a1e2-f3a4b5c6d7e8',
};

describe('MicrosoftSignInError', () => {
  it('shows the message in bold, what Microsoft said, the AADSTS code and both ids', () => {
    render(<MicrosoftSignInError error={invalidSecret} />);
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('strong')?.textContent).toBe(invalidSecret.message);
    expect(screen.getByText('Microsoft said: AADSTS7000215: Invalid client secret provided.')).toBeTruthy();
    expect(alert.textContent).toContain('Error code: AADSTS7000215 (invalid_client)');
    expect(alert.textContent).toContain(`Trace ID: ${invalidSecret.traceId}`);
    expect(alert.textContent).toContain(`Correlation ID: ${invalidSecret.correlationId}`);
    expect(screen.getByText(invalidSecret.traceId).tagName).toBe('CODE');
  });

  it('leaves out what Microsoft did not send, and does not repeat the message', () => {
    const error = { error: 'domain_not_allowed', message: 'Accounts of example.org may not sign in here.' };
    render(<MicrosoftSignInError error={{ ...error, microsoftDescription: error.message, aadsts: null }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).not.toContain('Microsoft said');
    expect(alert.textContent).toContain('Error code: domain_not_allowed');
    expect(alert.textContent).not.toContain('Trace ID');
    expect(alert.textContent).not.toContain('Correlation ID');
  });

  it('says the sign-in did not complete when the explanation was already read', () => {
    render(<MicrosoftSignInError error={null} />);
    expect(screen.getByRole('alert').textContent).toBe(SIGN_IN_INCOMPLETE);
    expect(SIGN_IN_INCOMPLETE).toBe('The Microsoft 365 sign-in did not complete. Try again.');
  });
});
