import type { OrderByExpression, ReferenceExpression, SelectQueryBuilder } from 'kysely';

/**
 * What the list queries share: rows whose columns equal the values given (a value left
 * undefined matches every row), newest first by `newestBy` and then by id, at most `limit`.
 */
export function newestMatching<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  equal: Readonly<Record<string, string | undefined>>,
  newestBy: string,
  limit: number,
): SelectQueryBuilder<DB, TB, O> {
  let matching = q;
  for (const [column, value] of Object.entries(equal)) {
    if (value !== undefined) matching = matching.where(column as ReferenceExpression<DB, TB>, '=', value as never);
  }
  return matching
    .orderBy(newestBy as OrderByExpression<DB, TB, O>, 'desc')
    .orderBy('id' as OrderByExpression<DB, TB, O>, 'desc')
    .limit(limit);
}
