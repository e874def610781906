/**
 * Reads the target-tracking settings out of a real Kubernetes autoscaling/v2
 * HorizontalPodAutoscaler manifest, so a drill can rehearse the autoscaler a team runs.
 */
import { fail, ok, type FlashcrowdError, type Result } from '../errors.js';
import { mergeHpaBehavior } from './hpa-behavior.js';
import { HpaManifestSchema, type HpaManifestDocument } from './hpa-manifest-schema.js';
import { describeValue } from './schema-messages.js';
import { validateAgainst } from './schema-validate.js';
import type { HpaBehavior } from './types.js';
import { fieldName, readYaml, type FieldPath, type YamlSource } from './yaml-source.js';

export interface HpaSettings {
  minReplicas: number;
  maxReplicas: number;
  metric: 'utilization' | 'rpsPerServer';
  target: number;
  behavior: HpaBehavior;
}

/** Kubernetes fills in a CPU utilisation target of 80 % when a manifest lists no metrics. */
const DEFAULT_CPU_UTILIZATION = 80;
const QUANTITY_SUFFIX: Record<string, number> = { '': 1, m: 0.001, k: 1e3, M: 1e6, G: 1e9 };

/** A Kubernetes quantity ("100", "1500m", "2k") as a number, or null. */
export function parseQuantity(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const match = /^([0-9]+(?:\.[0-9]+)?)(m|k|M|G)?$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * (QUANTITY_SUFFIX[match[2] ?? ''] ?? 1);
}

type Metric = NonNullable<HpaManifestDocument['spec']['metrics']>[number];
type Problem = { path: FieldPath; message: string };

function readMetric(metric: Metric, at: FieldPath): Pick<HpaSettings, 'metric' | 'target'> | Problem {
  const supported = 'expected a Resource cpu metric with target type Utilization, or a Pods metric with target type AverageValue';
  if (metric.type === 'Resource' && metric.resource?.name === 'cpu' && metric.resource.target.type === 'Utilization') {
    const percent = metric.resource.target.averageUtilization;
    if (percent === undefined) return { path: [...at, 'resource', 'target'], message: 'missing averageUtilization (a whole percentage)' };
    return { metric: 'utilization', target: percent / 100 };
  }
  if (metric.type === 'Pods' && metric.pods?.target.type === 'AverageValue') {
    const raw = metric.pods.target.averageValue;
    const value = raw === undefined ? null : parseQuantity(raw);
    if (value === null || value <= 0) {
      return { path: [...at, 'pods', 'target', 'averageValue'], message: `expected a quantity above 0 like "100" or "1500m" (requests per second per pod), got ${describeValue(raw)}` };
    }
    return { metric: 'rpsPerServer', target: value };
  }
  const got = [metric.type, metric.resource?.name, (metric.resource ?? metric.pods)?.target.type].filter(Boolean).join(' ');
  return { path: at, message: `unsupported metric "${got}": ${supported}` };
}

function checkManifest(doc: HpaManifestDocument): Problem[] | Pick<HpaSettings, 'metric' | 'target'> {
  const problems: Problem[] = [];
  if (doc.apiVersion !== 'autoscaling/v2') problems.push({ path: ['apiVersion'], message: `expected apiVersion "autoscaling/v2", got ${describeValue(doc.apiVersion)}` });
  if (doc.kind !== 'HorizontalPodAutoscaler') problems.push({ path: ['kind'], message: `expected kind "HorizontalPodAutoscaler", got ${describeValue(doc.kind)}` });
  const minReplicas = doc.spec.minReplicas ?? 1;
  if (minReplicas > doc.spec.maxReplicas) {
    problems.push({ path: ['spec', 'minReplicas'], message: `minReplicas (${minReplicas}) is greater than maxReplicas (${doc.spec.maxReplicas})` });
  }
  const metrics = doc.spec.metrics ?? [];
  if (metrics.length > 1) problems.push({ path: ['spec', 'metrics', 1], message: `Flashcrowd tracks one metric per service; found ${metrics.length}` });
  const [first] = metrics;
  const read = first === undefined ? { metric: 'utilization' as const, target: DEFAULT_CPU_UTILIZATION / 100 } : readMetric(first, ['spec', 'metrics', 0]);
  if ('path' in read) return [...problems, read];
  return problems.length > 0 ? problems : read;
}

function atSource(source: YamlSource, problem: Problem): FlashcrowdError {
  return { code: 'hpa.invalid', message: problem.message, file: source.file, ...source.locate(problem.path), field: fieldName(problem.path) };
}

export function parseHpaManifest(text: string, file: string): Result<HpaSettings> {
  const read = readYaml(text, file);
  if ('errors' in read) return fail(...read.errors.map((e) => ({ ...e, code: 'hpa.yaml' })));
  const schemaErrors = validateAgainst(HpaManifestSchema, read.source, 'hpa');
  if (schemaErrors.length > 0) return fail(...schemaErrors);
  const doc = read.source.data as HpaManifestDocument;
  const checked = checkManifest(doc);
  if (Array.isArray(checked)) return fail(...checked.map((p) => atSource(read.source, p)));
  return ok({
    minReplicas: doc.spec.minReplicas ?? 1,
    maxReplicas: doc.spec.maxReplicas,
    ...checked,
    behavior: mergeHpaBehavior(doc.spec.behavior),
  });
}
