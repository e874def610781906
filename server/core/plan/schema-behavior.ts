/**
 * The Kubernetes autoscaling/v2 HorizontalPodAutoscaler `behavior` shape, shared by the plan
 * (scale.targetTracking.behavior) and HPA manifests, so a block can be pasted between them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { stringEnum } from './schema-primitives.js';

const HpaPolicySchema = Type.Object(
  {
    type: stringEnum(['Pods', 'Percent'] as const, {
      title: '"Pods" or "Percent"',
      description: 'Pods: change by at most `value` servers per period; Percent: by at most `value` percent of the current count.',
    }),
    value: Type.Integer({ exclusiveMinimum: 0, title: 'a whole number above 0', description: 'Servers (Pods) or percent (Percent) allowed per period.' }),
    periodSeconds: Type.Integer({
      exclusiveMinimum: 0,
      maximum: 1800,
      title: 'a whole number of seconds',
      description: 'Length of the window the limit applies to, in seconds (Kubernetes allows at most 1800).',
    }),
  },
  { additionalProperties: false, title: 'a policy {type, value, periodSeconds}', description: 'One rate limit on scaling.' },
);

function scalingRules(direction: 'up' | 'down', defaults: string) {
  return Type.Object(
    {
      stabilizationWindowSeconds: Type.Optional(Type.Integer({
        minimum: 0,
        maximum: 3600,
        title: 'a whole number of seconds',
        description: `Seconds of past recommendations considered before scaling ${direction}; the ${direction === 'up' ? 'lowest' : 'highest'} one is used. ${defaults}`,
      })),
      selectPolicy: Type.Optional(stringEnum(['Max', 'Min', 'Disabled'] as const, {
        title: '"Max", "Min" or "Disabled"',
        description: `Which policy wins: Max allows the largest change, Min the smallest, Disabled turns scaling ${direction} off. Default Max.`,
      })),
      policies: Type.Optional(Type.Array(HpaPolicySchema, {
        minItems: 1,
        title: 'a list of policies',
        description: `Rate limits on scaling ${direction}; replace the defaults when given.`,
      })),
    },
    { additionalProperties: false, title: `scale-${direction} rules {stabilizationWindowSeconds, selectPolicy, policies}`, description: `How fast to scale ${direction}.` },
  );
}

export const HpaBehaviorSchema = Type.Object(
  {
    scaleUp: Type.Optional(scalingRules('up', 'Default 0; policies default to 4 Pods or 100 Percent per 15 s, whichever is more.')),
    scaleDown: Type.Optional(scalingRules('down', 'Default 300; policies default to 100 Percent per 15 s.')),
  },
  {
    additionalProperties: false,
    title: 'a Kubernetes HPA behavior {scaleUp, scaleDown}',
    description: 'Kubernetes autoscaling/v2 HPA behavior; anything left out takes the Kubernetes default.',
  },
);

export type HpaBehaviorDocument = Static<typeof HpaBehaviorSchema>;
