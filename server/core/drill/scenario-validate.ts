import type { Scenario } from './scenario.js';
import { isKnownTimezone, parseIsoInstant } from './scenario-time.js';

export type FieldPath = (string | number)[];

export interface FieldProblem {
  code: string;
  message: string;
  path: FieldPath;
}

const KNOWN_FIELDS = ['name', 'description', 'timezone', 'start', 'stepSeconds', 'services', 'seed', 'params'];
/** What a scenario may hold; README "Scenario files" documents the same numbers. */
export const SCENARIO_LIMITS = {
  nameLength: 200,
  descriptionLength: 10_000,
  /** a sample every second at most, every day at least */
  stepSeconds: { min: 1, max: 86_400 },
  services: 100,
  samplesPerService: 1_000_000,
  maxRps: 1e9,
} as const;

/** bad samples reported per service before the rest are summed up */
const SAMPLE_PROBLEMS_PER_SERVICE = 5;

/** The scenario in a parsed JSON value, or every problem found with the path to it. */
export function validateScenario(value: unknown): { scenario: Scenario | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (code: string, path: FieldPath, message: string): void => void problems.push({ code, path, message });
  if (!isRecord(value)) {
    problem('scenario.type', [], 'a scenario is a JSON object with name, timezone, start, stepSeconds and services');
    return { scenario: null, problems };
  }
  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.includes(key)) problem('scenario.unknown-field', [key], `unknown field "${key}"; the fields are ${KNOWN_FIELDS.join(', ')}`);
  }
  const { name, description = '', timezone, start, stepSeconds, services, seed = null, params = null } = value;
  if (typeof name !== 'string' || name === '' || name.length > SCENARIO_LIMITS.nameLength) {
    problem('scenario.name', ['name'], `name must be a non-empty string of at most ${SCENARIO_LIMITS.nameLength} characters`);
  }
  if (typeof description !== 'string' || description.length > SCENARIO_LIMITS.descriptionLength) {
    problem('scenario.description', ['description'], `description must be a string of at most ${SCENARIO_LIMITS.descriptionLength} characters`);
  }
  if (typeof timezone !== 'string' || !isKnownTimezone(timezone)) {
    problem('scenario.timezone', ['timezone'], `timezone must be an IANA time zone such as "Asia/Shanghai", not ${JSON.stringify(timezone)}`);
  }
  if (typeof start !== 'string' || parseIsoInstant(start) === null) {
    problem('scenario.start', ['start'], `start must be an ISO 8601 date-time with an offset, e.g. "2020-02-03T00:00:00+08:00", not ${JSON.stringify(start)}`);
  }
  const step = SCENARIO_LIMITS.stepSeconds;
  if (typeof stepSeconds !== 'number' || !(stepSeconds >= step.min && stepSeconds <= step.max)) {
    problem('scenario.step', ['stepSeconds'], `stepSeconds must be a number of seconds from ${step.min} to ${step.max} (one day), not ${JSON.stringify(stepSeconds)}`);
  }
  if (seed !== null && !Number.isSafeInteger(seed)) problem('scenario.seed', ['seed'], 'seed must be an integer or null');
  checkServices(services, problem);
  if (problems.length > 0) return { scenario: null, problems };
  const scenario: Scenario = {
    name: name as string,
    description: description as string,
    timezone: timezone as string,
    start: start as string,
    stepSeconds: stepSeconds as number,
    services: services as Record<string, number[]>,
    seed: seed as number | null,
    params,
  };
  return { scenario, problems };
}

function checkServices(services: unknown, problem: (code: string, path: FieldPath, message: string) => void): void {
  if (!isRecord(services) || Object.keys(services).length === 0) {
    problem('scenario.services', ['services'], 'services must be an object mapping each service name to its demand samples (rps), e.g. { "messaging": [1500, 1520] }');
    return;
  }
  const names = Object.keys(services);
  if (names.length > SCENARIO_LIMITS.services) {
    problem('scenario.services', ['services'], `services has ${names.length} services; a scenario may have at most ${SCENARIO_LIMITS.services}`);
    return;
  }
  let expected: { name: string; length: number } | null = null;
  for (const [name, samples] of Object.entries(services)) {
    if (name === '' || name.length > SCENARIO_LIMITS.nameLength) {
      problem('scenario.services', ['services', name], `a service name must be 1 to ${SCENARIO_LIMITS.nameLength} characters`);
      continue;
    }
    if (!Array.isArray(samples) || samples.length === 0) {
      problem('scenario.samples', ['services', name], `services.${name} must be a non-empty array of rps numbers`);
      continue;
    }
    if (samples.length > SCENARIO_LIMITS.samplesPerService) {
      problem('scenario.samples', ['services', name], `services.${name} has ${samples.length} samples; at most ${SCENARIO_LIMITS.samplesPerService} are allowed (use a larger stepSeconds)`);
      continue;
    }
    const bad = samples.flatMap((v, i) => (typeof v === 'number' && v >= 0 && v <= SCENARIO_LIMITS.maxRps ? [] : [i]));
    for (const i of bad.slice(0, SAMPLE_PROBLEMS_PER_SERVICE)) {
      problem('scenario.sample', ['services', name, i], `services.${name}[${i}] must be a number from 0 to ${SCENARIO_LIMITS.maxRps} (rps), not ${JSON.stringify(samples[i])}`);
    }
    if (bad.length > SAMPLE_PROBLEMS_PER_SERVICE) {
      problem('scenario.sample', ['services', name], `services.${name} has ${bad.length - SAMPLE_PROBLEMS_PER_SERVICE} more samples that are not numbers from 0 to ${SCENARIO_LIMITS.maxRps}`);
    }
    if (expected === null) expected = { name, length: samples.length };
    else if (samples.length !== expected.length) {
      problem('scenario.length', ['services', name], `services.${name} has ${samples.length} samples but services.${expected.name} has ${expected.length}; every service needs one sample per step`);
    }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
