/** JSON columns are text in both SQLite and PostgreSQL; these keep the conversion in one place. */
export function toJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJsonColumn<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function toNullableJsonColumn(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function fromNullableJsonColumn<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}
