/** Contract types the dashboard uses, re-exported from one place (type-only: no server code is bundled). */
export type {
  DrillDto,
  EngineEvent,
  Language,
  Notice,
  PlanSummary,
  PolicyName,
  ServersByState,
  ServiceInfo,
  Snapshot,
  Tick,
  TickBatch,
  DomainError,
  Result,
} from '../../../server/contracts.js';
export type { IncidentStage as IncidentStageName } from '../../../server/core/plan/types.js';
export type { PromiseRecord } from '../../../server/core/drill/promise-record.js';
