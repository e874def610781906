import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, auditRowHash, ChainVerifier, type ChainedColumns, type ChainedRow } from './audit-chain.js';

function chain(entries: readonly ChainedColumns[], firstId = 1, prev = AUDIT_GENESIS): ChainedRow[] {
  let prevHash = prev;
  return entries.map((e, i) => {
    const hash = auditRowHash(prevHash, e);
    const row = { ...e, id: firstId + i, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
}

const entry = (n: number): ChainedColumns => ({
  at: `2026-02-03T01:0${n}:00.000Z`,
  actor_token_id: n % 2 ? 'tok_1' : null,
  actor_role: n % 2 ? 'operator' : null,
  action: 'notice.edit',
  target: `notice-${n}`,
  detail_json: n % 3 ? JSON.stringify({ n }) : null,
});

function verify(rows: readonly ChainedRow[], anchors: ConstructorParameters<typeof ChainVerifier>[0] = []) {
  const v = new ChainVerifier(anchors);
  for (const r of rows) v.add(r);
  return v.report();
}

describe('audit chain', () => {
  const rows = chain([1, 2, 3, 4, 5].map(entry));

  it('accepts an intact chain and reports its head', () => {
    const report = verify(rows);
    expect(report).toMatchObject({ rows: 5, firstId: 1, lastId: 5, firstBreak: null, prunedThroughId: null });
    expect(report.headHash).toBe(rows[4]!.hash);
  });

  it('accepts an empty log', () => {
    expect(verify([])).toMatchObject({ rows: 0, headHash: AUDIT_GENESIS, firstBreak: null });
  });

  it('names the first altered row', () => {
    const tampered = rows.map((r) => (r.id === 3 ? { ...r, target: 'notice-x' } : r));
    expect(verify(tampered).firstBreak).toMatchObject({ id: 3, kind: 'altered' });
  });

  it('catches an altered row even when its hash was recomputed', () => {
    const rehashed = rows.map((r) => (r.id === 3 ? { ...r, target: 'x', hash: auditRowHash(r.prev_hash!, { ...r, target: 'x' }) } : r));
    expect(verify(rehashed).firstBreak).toMatchObject({ id: 4, kind: 'deleted' });
  });

  it('names the row after a deleted one', () => {
    expect(verify(rows.filter((r) => r.id !== 3)).firstBreak).toMatchObject({ id: 4, kind: 'deleted' });
  });

  it('refuses a chain whose oldest rows were deleted without a retention cut', () => {
    expect(verify(rows.slice(2)).firstBreak).toMatchObject({ id: 3, kind: 'deleted' });
  });

  it('accepts a chain that starts where retention cut it', () => {
    const report = verify(rows.slice(2), [{ lastHash: rows[1]!.hash!, throughId: 2 }]);
    expect(report).toMatchObject({ firstBreak: null, prunedThroughId: 2, rows: 3 });
  });

  it('reports a row written around the chain', () => {
    const unchained = rows.map((r) => (r.id === 2 ? { ...r, hash: null } : r));
    expect(verify(unchained).firstBreak).toMatchObject({ id: 2, kind: 'unchained' });
  });
});
