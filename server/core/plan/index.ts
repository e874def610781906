/** The contingency-plan format: schema, parsing and validation, HPA manifests, time scaling. */
export type * from './types.js';
export { LANGUAGES, POLICY_NAMES, INCIDENT_STAGES } from './types.js';
export { parsePlan, planManifestPaths } from './parse.js';
export type { ManifestLookup } from './hpa-reference.js';
export { parseHpaManifest, parseQuantity, type HpaSettings } from './hpa-manifest.js';
export { defaultHpaBehavior, mergeHpaBehavior } from './hpa-behavior.js';
export { PlanDocumentSchema, planJsonSchema, PLAN_SCHEMA_ID, type PlanDocument } from './schema.js';
export { scalePlanTime } from './time-scale.js';
export { parseDuration } from './duration.js';
export { DEFAULT_TEMPLATES, DEFAULT_CAUSE, PLACEHOLDERS, PLACEHOLDER_NAMES } from './default-templates.js';
export { parseMatcher } from './compile-series.js';
export { CONDITION_METRICS } from './condition.js';
