/**
 * What kind of service a plan service is, so the built-in notices talk about what its users
 * do (messages, meetings, documents) rather than a list that fits none of them.
 */
export const SERVICE_KINDS = ['messaging', 'meetings', 'documents', 'generic'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Words in a service key that give its kind away when the plan does not say. */
const KEY_HINTS: readonly [RegExp, ServiceKind][] = [
  [/(^|-)(messaging|messages?|chat|im|inbox|mail)($|-)/, 'messaging'],
  [/(^|-)(meetings?|video|calls?|conference|voice|audio)($|-)/, 'meetings'],
  [/(^|-)(docs?|documents?|files?|drive|wiki|sheets?)($|-)/, 'documents'],
];

/** The plan's `kind`, else one read from the service key, else generic. */
export function serviceKind(written: ServiceKind | undefined, key: string): ServiceKind {
  if (written) return written;
  return KEY_HINTS.find(([pattern]) => pattern.test(key))?.[1] ?? 'generic';
}
