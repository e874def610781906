/**
 * Messages between the instances that share one database, carried by the socket.io
 * PostgreSQL adapter (NOTIFY, with large payloads in its attachments table): the instance
 * driving the drill tells the others what each tick produced, and the others send it the
 * demand they counted and the commands they were given.
 */
import type { Server } from 'socket.io';
import type { AuditActor } from '../auth/require-role.js';
import type { DrillDto } from '../contracts.js';
import type { Notice, ServiceSample } from '../core/engine/types.js';
import type { DrillOutput } from '../drills/drill-runner.js';
import type { ScaleBody, StartDrillBody } from '../drills/start-drill-body.js';
import type { Result } from '../errors/result.js';

/** What an instance asks the one driving the drills to do for it. */
export type ClusterCommand =
  | { op: 'start'; body: StartDrillBody; actor: AuditActor | null }
  | { op: 'stop'; id: string; actor: AuditActor | null }
  | { op: 'scale'; id: string; body: ScaleBody; actor: AuditActor | null }
  | { op: 'notice'; notice: Notice; actor: AuditActor | null }
  | { op: 'correct'; id: string; text: Notice['text']; actor: AuditActor | null }
  /** a follower that just joined: what it needs to answer like the driver */
  | { op: 'sync' };

/** What the driving instance tells the others, numbered in the order it sent them. */
export type DriverNews =
  /** a drill's output, once stored */
  | { kind: 'output'; out: DrillOutput }
  /** a drill started or ended */
  | { kind: 'status'; drill: DrillDto }
  /** an operator corrected a notice */
  | { kind: 'correction'; notice: Notice; drillId: string | null };

export interface ClusterMessages {
  /** `run`: one per process, so a restarted instance's numbering is not mistaken for the old one's */
  news: { from: string; run: string; seq: number; news: DriverNews };
  /** requests and metric samples an instance received for the drill */
  demand: { from: string; drillId: string; counts: Record<string, number>; samples: Record<string, ServiceSample> };
  /** a command for whichever instance drives the drills */
  request: { from: string; id: string; command: ClusterCommand };
  /** that instance's answer, for the instance that asked */
  response: { from: string; to: string; id: string; result: Result<unknown> };
}

export type ClusterMessageType = keyof ClusterMessages;

export interface ClusterBus {
  /** to every other instance; fire and forget */
  send<K extends ClusterMessageType>(type: K, message: ClusterMessages[K]): void;
  on<K extends ClusterMessageType>(type: K, handler: (message: ClusterMessages[K]) => void): void;
}

type ServerSide = { [K in ClusterMessageType]: (message: ClusterMessages[K]) => void };

/** The bus over a socket.io server whose adapter reaches the other instances. */
export function socketIoBus(io: Server<never, never, ServerSide>): ClusterBus {
  return {
    send(type, message) {
      (io.serverSideEmit as (ev: string, m: unknown) => boolean)(type, message);
    },
    on(type, handler) {
      (io.on as (ev: string, fn: (m: never) => void) => void)(type, handler as (m: never) => void);
    },
  };
}
