// Groups a mutation payload's UserErrors by the form row they belong to (first segment of `field`).
export type UserErrorLike = { field?: string | null; message: string };

export type GroupedErrors<K extends string> = {
  byField: Partial<Record<K, string[]>>;
  general: string[];
};

export function groupUserErrors<K extends string>(
  errors: readonly UserErrorLike[],
  fields: readonly K[],
): GroupedErrors<K> {
  const result: GroupedErrors<K> = { byField: {}, general: [] };
  for (const error of errors) {
    const path = (error.field ?? '').replace(/^input\./, '');
    const row = fields.find((f) => path === f || path.startsWith(`${f}.`));
    if (row) (result.byField[row] ??= []).push(error.message);
    else result.general.push(error.message);
  }
  return result;
}
