/**
 * The parts of a Kubernetes autoscaling/v2 HorizontalPodAutoscaler that Flashcrowd reads.
 * Everything else a real manifest carries (metadata, scaleTargetRef, status) is allowed and ignored.
 */
import { Type, type Static } from '@sinclair/typebox';
import { HpaBehaviorSchema } from './schema-behavior.js';
import { MAX_SERVERS } from './schema-primitives.js';

const open = (title: string) => ({ additionalProperties: true, title });

const TargetSchema = Type.Object(
  {
    type: Type.String({ title: 'a target type (Utilization, AverageValue or Value)' }),
    averageUtilization: Type.Optional(Type.Integer({ exclusiveMinimum: 0, title: 'a whole percentage' })),
    averageValue: Type.Optional(Type.Union([Type.Number(), Type.String()], { title: 'a quantity like "100" or "1500m"' })),
    value: Type.Optional(Type.Union([Type.Number(), Type.String()], { title: 'a quantity' })),
  },
  open('a metric target {type, averageUtilization, averageValue}'),
);

const MetricSchema = Type.Object(
  {
    type: Type.String({ title: 'a metric source type (Resource, Pods, Object, External, ContainerResource)' }),
    resource: Type.Optional(Type.Object({ name: Type.String({ title: 'a resource name' }), target: TargetSchema }, open('a resource metric {name, target}'))),
    pods: Type.Optional(Type.Object(
      { metric: Type.Object({ name: Type.String({ title: 'a metric name' }) }, open('a metric identifier {name}')), target: TargetSchema },
      open('a pods metric {metric, target}'),
    )),
  },
  open('a metric spec {type, resource | pods}'),
);

export const HpaManifestSchema = Type.Object(
  {
    apiVersion: Type.String({ title: 'an apiVersion' }),
    kind: Type.String({ title: 'a kind' }),
    spec: Type.Object(
      {
        minReplicas: Type.Optional(Type.Integer({ minimum: 0, title: 'a whole number of replicas' })),
        maxReplicas: Type.Integer({ minimum: 1, maximum: MAX_SERVERS, title: `a whole number of replicas up to ${MAX_SERVERS}` }),
        metrics: Type.Optional(Type.Array(MetricSchema, { title: 'a list of metrics' })),
        behavior: Type.Optional(HpaBehaviorSchema),
      },
      open('an HPA spec {minReplicas, maxReplicas, metrics, behavior}'),
    ),
  },
  open('a HorizontalPodAutoscaler {apiVersion, kind, metadata, spec}'),
);

export type HpaManifestDocument = Static<typeof HpaManifestSchema>;
