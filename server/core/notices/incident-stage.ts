import type { IncidentInput, OpenStage } from './incident-state.js';

/**
 * Stage of an open incident after this tick (resolution is decided by the caller):
 *
 *   from           when                               to
 *   investigating  throttling or scalingOut           identified   cause known, action under way
 *   investigating  otherwise                          investigating
 *   identified     capacityCoversDemand and the       monitoring   fix in place, watching
 *                  forecast is calm ahead
 *   identified     otherwise                          identified
 *   monitoring     not capacityCoversDemand           identified   it slipped (or, when a notice is
 *                                                                  due, the forecast sees it slip)
 *   monitoring     otherwise                          monitoring
 */
export function nextStage(stage: OpenStage, input: Pick<IncidentInput, 'throttling' | 'scalingOut' | 'capacityCoversDemand'>, calmAhead: () => boolean = () => true): OpenStage {
  switch (stage) {
    case 'investigating':
      return input.throttling || input.scalingOut ? 'identified' : 'investigating';
    case 'identified':
      return input.capacityCoversDemand && calmAhead() ? 'monitoring' : 'identified';
    case 'monitoring':
      return input.capacityCoversDemand ? 'monitoring' : 'identified';
  }
}
