// "Test connection": asks the server to check the saved registration with Microsoft, and says what came of it.
import { useMutation } from 'urql';
import type { MicrosoftErrorLike } from '../../components/MicrosoftErrorDetails';
import { accessDenied } from '../../lib/accessDenied';
import { TestMicrosoftConnectionMutation } from './documents';

export type TestOutcome = { ok: boolean; message: string; error?: MicrosoftErrorLike | null };

export function useConnectionTest(): { testing: boolean; run: () => Promise<TestOutcome> } {
  const [{ fetching }, execute] = useMutation(TestMicrosoftConnectionMutation);

  async function run(): Promise<TestOutcome> {
    const result = await execute({});
    const payload = result.data?.testMicrosoftConnection;
    if (payload) return payload;
    if (accessDenied(result.error)) return { ok: false, message: 'You may not test the connection.' };
    return { ok: false, message: `The connection could not be tested. ${result.error?.message ?? ''}`.trim() };
  }

  return { testing: fetching, run };
}
