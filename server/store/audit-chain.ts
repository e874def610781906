/**
 * The audit log is a hash chain: each row stores the hash of the row before it and a hash
 * over its own contents and that link. Altering a row breaks its own hash; deleting one
 * breaks the link of the row after it. Retention may drop the oldest rows, but it records
 * the hash it cut at in an `audit.prune` row, so a chain that starts there is accounted for.
 */
import { createHash } from 'node:crypto';
import type { AuditLogTable } from './database.js';

/** the link of the very first row */
export const AUDIT_GENESIS = '0'.repeat(64);

/** the action of the row retention appends after it drops the oldest rows */
export const AUDIT_PRUNE_ACTION = 'audit.prune';

/** the columns a row's hash covers, exactly as stored */
export type ChainedColumns = Pick<AuditLogTable, 'at' | 'actor_token_id' | 'actor_role' | 'action' | 'target' | 'detail_json'>;

export interface ChainedRow extends ChainedColumns {
  id: number;
  prev_hash: string | null;
  hash: string | null;
}

export function auditRowHash(prevHash: string, row: ChainedColumns): string {
  const fields = [prevHash, row.at, row.actor_token_id, row.actor_role, row.action, row.target, row.detail_json];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export type ChainBreakKind = 'altered' | 'deleted' | 'unchained';

export interface ChainBreak {
  /** the first row whose hash or link does not hold */
  id: number;
  kind: ChainBreakKind;
  message: string;
}

export interface ChainReport {
  rows: number;
  firstId: number | null;
  lastId: number | null;
  /** the newest row's hash: write it down elsewhere to detect a later loss of the newest rows */
  headHash: string;
  /** set when the oldest rows were dropped by retention and the chain starts at that cut */
  prunedThroughId: number | null;
  firstBreak: ChainBreak | null;
}

/** where retention cut the chain: the hash of the last row it dropped, and that row's id */
export interface PruneAnchor {
  lastHash: string;
  throughId: number;
}

/**
 * Walks the rows in id order, keeping only what the next row needs, so a long log can be
 * verified page by page without holding it in memory.
 */
export class ChainVerifier {
  private rows = 0;
  private firstId: number | null = null;
  private lastId: number | null = null;
  private prevHash: string | null = null;
  private prunedThroughId: number | null = null;
  private firstBreak: ChainBreak | null = null;

  constructor(private readonly anchors: readonly PruneAnchor[]) {}

  add(row: ChainedRow): void {
    this.rows++;
    this.firstId ??= row.id;
    const previousId = this.lastId;
    this.lastId = row.id;
    if (this.firstBreak) return;
    if (row.hash === null || row.prev_hash === null) {
      this.firstBreak = { id: row.id, kind: 'unchained', message: `row ${row.id} has no hash: it was written around the chain` };
      return;
    }
    if (this.prevHash === null) {
      if (row.prev_hash !== AUDIT_GENESIS) {
        const anchor = this.anchors.find((a) => a.lastHash === row.prev_hash && a.throughId < row.id);
        if (anchor) this.prunedThroughId = anchor.throughId;
        else this.firstBreak = { id: row.id, kind: 'deleted', message: `rows before row ${row.id} were deleted: it links to a row that is gone and no retention run cut there` };
      }
    } else if (row.prev_hash !== this.prevHash) {
      this.firstBreak = { id: row.id, kind: 'deleted', message: `a row between row ${previousId} and row ${row.id} was deleted (row ${row.id} links to a row that is gone)` };
    }
    if (!this.firstBreak && auditRowHash(row.prev_hash, row) !== row.hash) {
      this.firstBreak = { id: row.id, kind: 'altered', message: `row ${row.id} (${row.action} ${row.target} at ${row.at}) was altered: its contents do not match its hash` };
    }
    this.prevHash = row.hash;
  }

  report(): ChainReport {
    return {
      rows: this.rows,
      firstId: this.firstId,
      lastId: this.lastId,
      headHash: this.prevHash ?? AUDIT_GENESIS,
      prunedThroughId: this.prunedThroughId,
      firstBreak: this.firstBreak,
    };
  }
}
