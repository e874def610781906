/**
 * A table row read as a record: the same fields and types, snake_case column names in
 * camelCase, for the tables whose records are nothing more than their rows.
 */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

export type RecordOf<Row> = { [K in keyof Row & string as CamelCase<K>]: Row[K] };

export function recordOf<Row extends object>(row: Row): RecordOf<Row> {
  const entries = Object.entries(row).map(([column, value]) => [column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]);
  return Object.fromEntries(entries) as RecordOf<Row>;
}

export function rowOf<Row extends object>(record: RecordOf<Row>): Row {
  const entries = Object.entries(record).map(([field, value]) => [field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]);
  return Object.fromEntries(entries) as Row;
}
