/**
 * The error vocabulary: every code the server answers with, spelt `area.what`, and the
 * sentence each one says. Domain code builds errors here (no HTTP status); the HTTP layer
 * maps each code to a status in server/http/errors/error-status.ts, checked complete by type.
 */
import type { FlashcrowdError } from '../core/errors.js';

const MESSAGES = {
  'drill.not-found': (p: { id: string }) => `no drill ${p.id}`,
  'drill.running': (p: { id: string }) => `drill ${p.id} is running; stop it first (POST /api/v1/drills/${p.id}/stop)`,
  'drill.not-running': (p: { id: string; status?: string }) => `drill ${p.id} is not running${p.status ? ` (status ${p.status})` : ''}`,
  'drill.scenario': (p: { scenario: string; reason: string }) => `unknown scenario "${p.scenario}": ${p.reason}`,
  'drill.services': (p: { scenario: string; plan: string }) => `scenario "${p.scenario}" has no service of plan "${p.plan}"`,
  'drill.range': (p: { from: string; to: string }) => `from/to must lie within the scenario, ${p.from} to ${p.to}, with from before to`,
  'drill.speed': (p: { speed: number; everyMs: string; max: number; tickSeconds: number }) =>
    `speed ${p.speed} would tick every ${p.everyMs} ms; at most ${p.max} with this plan's ${p.tickSeconds}s tick`,
  'drill.service': (p: { service: string; known: string[] }) => `unknown service "${p.service}"; known: ${p.known.join(', ')}`,
  'cluster.no-owner': (p: { waitedMs: number }) =>
    `no instance is driving the drills right now (waited ${p.waitedMs} ms for one to take over); try again in a few seconds`,
  'report.gone': (p: { id: string }) => `drill ${p.id} has no saved report (it was cut off by a crash, or its report outlived the retention period); its notices remain at /api/v1/drills/${p.id}/notices`,
  'notice.not-found': (p: { id: string }) => `no notice ${p.id}`,
  'notice.service': (p: { service: string; known: string[] }) => `unknown service "${p.service}"; known: ${p.known.join(', ')}`,
  'incident.not-found': (p: { id: string }) => `no incident ${p.id}`,
  'webhook.not-found': (p: { id: string }) => `no webhook subscription ${p.id}`,
  'webhook.url': () => 'is not an absolute URL; give one such as https://hooks.example.com/flashcrowd',
  'webhook.url-length': (p: { length: number; max: number }) => `the URL is ${p.length} characters long; at most ${p.max} are accepted`,
  'webhook.url-scheme': (p: { scheme: string }) => `the scheme ${p.scheme} is not accepted; use http: or https:`,
  'webhook.url-credentials': () => 'must not carry a user name or password; receivers authenticate deliveries by their signature',
  // the sentence names the address and what it is (webhooks/targets/target-policy.ts)
  'webhook.target-private': (p: { reason: string }) => p.reason,
  'webhook.target-forbidden': (p: { reason: string }) => p.reason,
  'token.not-found': (p: { id: string }) => `no token ${p.id}`,
  'traffic.service': (p: { service: string; known: string[] }) => `unknown service "${p.service}"; known: ${p.known.join(', ')}`,
  'traffic.weight': (p: { header: string; min: number; max: number }) => `header ${p.header} must be a number from ${p.min} to ${p.max}`,
  'traffic.throttled': (p: { service: string }) => `${p.service} is throttling during a surge; retry later`,
  'traffic.overloaded': (p: { service: string }) => `${p.service} is overloaded and dropped this request`,
  'auth.missing-token': (p: { need: string; via: 'http' | 'live'; createRole: string | null }) =>
    p.via === 'live'
      ? `The live feed on this server needs ${p.need}.`
      : `This request needs ${p.need}. Send the header "Authorization: Bearer <token>"${p.createRole ? `; an admin can create one with "flashcrowd token create --role ${p.createRole}"` : ''}.`,
  'auth.invalid-token': () => 'The bearer token is not known here (mistyped, revoked or from another server). Check it, or ask an admin for a new one.',
  'auth.forbidden': (p: { need: string; name: string; role: string }) => `This request needs ${p.need}; your token "${p.name}" has role ${p.role}. Use a token with one of those roles.`,
  'auth.throttled': (p: { seconds: number }) => `Too many unknown tokens from this client; try again in ${p.seconds} s.`,
  'auth.unavailable': () => 'the server could not check the token; try again',
  'live.subscribe': () => "subscribe with { services: ['name', ...] } or { services: '*' }",
  'live.service': (p: { unknown: string[]; known: string[] }) => `unknown service ${p.unknown.join(', ')}; known: ${p.known.join(', ')}`,
  'metrics.body': (p: { reason: string }) => p.reason,
  'metrics.schema': (p: { field: string; what: string }) => `${p.field}: ${p.what}`,
  'metrics.service': (p: { field: string; service: string; known: string[] }) => `${p.field}: unknown service ${p.service}; the plan has ${p.known.join(', ')}`,
  'metrics.timestamp': (p: { field: string; expected: string; got: string }) => `${p.field}: expected ${p.expected}, got ${p.got}`,
  'request.invalid': (p: { field: string; what: string }) => `${p.field}: ${p.what}`,
  'request.body': (p: { reason: string }) => p.reason,
  'request.rate-limited': (p: { reason: string }) => p.reason,
  'request.refused': (p: { reason: string }) => p.reason,
  'route.not-found': (p: { method: string; path: string }) => `no route ${p.method} ${p.path}`,
  'server.internal': () => 'the server failed to handle this request; it has been logged',
} satisfies Record<string, (params: never) => string>;

export type ErrorCode = keyof typeof MESSAGES;
export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];

/** A failure of this server's own vocabulary: a FlashcrowdError whose code is one of ours. */
export interface DomainError extends FlashcrowdError {
  code: ErrorCode;
  /** when asking again may succeed (throttling), in whole seconds */
  retryAfterSeconds?: number;
}

export function domainError<C extends ErrorCode>(code: C, params: Parameters<(typeof MESSAGES)[C]>[0], field?: string): DomainError & { code: C } {
  const message = (MESSAGES[code] as (p: typeof params) => string)(params);
  return field === undefined ? { code, message } : { code, message, field };
}
