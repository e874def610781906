/** The one row a query finds (by its key), as a record, or null when there is none. */
export async function firstRow<Row, T>(query: { executeTakeFirst(): Promise<Row | undefined> }, fromRow: (row: Row) => T): Promise<T | null> {
  const row = await query.executeTakeFirst();
  return row ? fromRow(row) : null;
}
