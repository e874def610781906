import { describe, expect, it } from 'vitest';
import { stepTrigger, type TriggerTransition } from './trigger-machine.js';
import type { TriggerPhase, TriggerState } from './types.js';

interface Row {
  /** end of the tick, seconds */
  t: number;
  when: boolean;
  /** defaults to !when (a trigger without a clear group) */
  clear?: boolean;
  phase: TriggerPhase;
  transition?: TriggerTransition;
}

/** Runs the rows through the machine from t0 = 0 and returns what happened at each tick. */
function run(rows: Row[], forSeconds: number, clearForSeconds: number): Row[] {
  let state: TriggerState = { phase: 'inactive', since: null };
  let prevT = 0;
  return rows.map((row) => {
    const step = stepTrigger(state, {
      when: row.when,
      clear: row.clear ?? !row.when,
      forMs: forSeconds * 1000,
      clearForMs: clearForSeconds * 1000,
      tickStart: prevT * 1000,
      t: row.t * 1000,
    });
    state = step.state;
    prevT = row.t;
    const out: Row = { t: row.t, when: row.when, phase: state.phase };
    if (row.clear !== undefined) out.clear = row.clear;
    if (step.transition) out.transition = step.transition;
    return out;
  });
}

describe('trigger state machine, 10 s ticks', () => {
  it('for 30s fires on the third holding tick; clearFor 20s resolves on the second clear tick', () => {
    const table: Row[] = [
      { t: 10, when: false, phase: 'inactive' },
      { t: 20, when: true, phase: 'pending', transition: 'pending' },
      { t: 30, when: true, phase: 'pending' },
      { t: 40, when: true, phase: 'firing', transition: 'firing' },
      { t: 50, when: true, phase: 'firing' },
      { t: 60, when: false, phase: 'clearing', transition: 'clearing' },
      { t: 70, when: false, phase: 'inactive', transition: 'resolved' },
      { t: 80, when: false, phase: 'inactive' },
    ];
    expect(run(table, 30, 20)).toEqual(table);
  });

  it('for 0 fires on the first holding tick and clearFor 0 resolves on the first clear tick, skipping pending and clearing', () => {
    const table: Row[] = [
      { t: 10, when: false, phase: 'inactive' },
      { t: 20, when: true, phase: 'firing', transition: 'firing' },
      { t: 30, when: false, phase: 'inactive', transition: 'resolved' },
    ];
    expect(run(table, 0, 0)).toEqual(table);
  });

  it('a duration of one tick also fires on the first holding tick (the tick counts in full)', () => {
    const table: Row[] = [
      { t: 10, when: true, phase: 'firing', transition: 'firing' },
      { t: 20, when: false, phase: 'inactive', transition: 'resolved' },
    ];
    expect(run(table, 10, 10)).toEqual(table);
  });

  it('flapping cancels pending and restarts the for timer', () => {
    const table: Row[] = [
      { t: 10, when: true, phase: 'pending', transition: 'pending' },
      { t: 20, when: true, phase: 'pending' },
      { t: 30, when: false, phase: 'inactive', transition: 'cancelled' },
      { t: 40, when: true, phase: 'pending', transition: 'pending' },
      { t: 50, when: true, phase: 'pending' },
      { t: 60, when: true, phase: 'firing', transition: 'firing' },
    ];
    expect(run(table, 30, 0)).toEqual(table);
  });

  it('hysteresis: firing holds in the band where neither when nor clear holds; clearing returns to firing when clear stops', () => {
    const table: Row[] = [
      { t: 10, when: true, clear: false, phase: 'firing', transition: 'firing' },
      { t: 20, when: false, clear: false, phase: 'firing' },
      { t: 30, when: false, clear: true, phase: 'clearing', transition: 'clearing' },
      { t: 40, when: false, clear: false, phase: 'firing', transition: 'refiring' },
      { t: 50, when: false, clear: true, phase: 'clearing', transition: 'clearing' },
      { t: 60, when: false, clear: true, phase: 'clearing' },
      { t: 70, when: false, clear: true, phase: 'inactive', transition: 'resolved' },
    ];
    expect(run(table, 0, 30)).toEqual(table);
  });

  it('times by tick times, not tick counts: irregular ticks fire once the held time reaches for', () => {
    const table: Row[] = [
      { t: 5, when: true, phase: 'pending', transition: 'pending' },
      { t: 12, when: true, phase: 'pending' },
      { t: 29, when: true, phase: 'pending' },
      { t: 30, when: true, phase: 'firing', transition: 'firing' },
    ];
    expect(run(table, 30, 0)).toEqual(table);
  });
});
