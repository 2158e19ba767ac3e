// A token's status as people read it, and the expiry date input turned into the instant the API takes.
export type TokenStatus = 'Active' | 'Revoked' | 'Expired';

export function tokenStatus(
  token: { revoked: boolean; expiresAt?: string | null },
  now: Date = new Date(),
): TokenStatus {
  if (token.revoked) return 'Revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'Expired';
  return 'Active';
}

/** `2030-03-01` (a date input's value) → the last millisecond of that day in local time, as ISO-8601; '' → null. */
export function endOfDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  return new Date(year, month - 1, day, 23, 59, 59, 999).toISOString();
}

/** Today as a date input's value, in local time: the earliest expiry date one can pick. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
