/**
 * What each column of the replay summary means, in one place: the CLI's `replay --help`, the
 * text under its table and the report's tooltips all read this, so they cannot disagree.
 */
export const SUMMARY_COLUMNS: readonly { key: string; head: string; meaning: string }[] = [
  { key: 'policy', head: 'policy', meaning: 'the scaling policy replayed (plan: each service its own)' },
  { key: 'service', head: 'service', meaning: 'the plan service' },
  { key: 'detect', head: 'detect', meaning: 'from the surge start (demand needing more servers than can serve, for a minute) to the first level above normal; negative: the plan saw it coming' },
  { key: 'recover', head: 'recover', meaning: 'from the first tick users were affected to the end of the last one' },
  { key: 'p95', head: 'p95 delay', meaning: '95% of the requests served waited at most this long (ticks weighted by requests served)' },
  { key: 'p99', head: 'p99 delay', meaning: '99% of the requests served waited at most this long' },
  { key: 'worst', head: 'worst delay', meaning: 'the highest latency of any tick (the queue bound caps it)' },
  { key: 'throttled', head: 'throttled', meaning: 'requests refused with 429 while throttling' },
  { key: 'dropped', head: 'dropped', meaning: 'requests dropped because the queue was full' },
  { key: 'minOverSlo', head: 'min>SLO', meaning: 'minutes in which users were affected: latency over the objective, or requests refused' },
  { key: 'serverHours', head: 'server-h', meaning: 'servers paid for (all but the stopped standby pool) times hours' },
  { key: 'fleetChanges', head: 'changes/h', meaning: 'times per hour the committed fleet grew or shrank (out/in in the JSON); high means thrash' },
  { key: 'promises', head: 'promises', meaning: 'notices published while users were affected, scored against what then happened' },
  { key: 'onTarget', head: 'on target', meaning: 'share of those notices whose recovery time was within max(2 min, 25% of the wait)' },
  { key: 'broken', head: 'broken', meaning: 'share of those notices after which users waited longer than promised' },
  { key: 'notKnown', head: 'not known', meaning: 'of those notices, how many said the recovery time was not known yet' },
  { key: 'medianError', head: 'med err', meaning: 'median distance between the promised and the actual recovery, over the notices that gave a time' },
  { key: 'bias', head: 'bias', meaning: 'promised minus actual recovery on average: negative promised too soon (users waited longer), positive was cautious' },
  { key: 'accU', head: 'accU%', meaning: 'elasticity, SPEC RG: average shortfall of servers able to serve below servers needed, % of needed' },
  { key: 'accO', head: 'accO%', meaning: 'average excess of servers able to serve over servers needed, % of needed' },
  { key: 'tsU', head: 'tsU%', meaning: 'share of time with too few servers' },
  { key: 'tsO', head: 'tsO%', meaning: 'share of time with too many servers' },
  { key: 'instab', head: 'instab%', meaning: 'share of time supply and need moved in opposite directions' },
  { key: 'jitter', head: 'jitter/min', meaning: 'supply changes minus need changes, per minute: positive means the fleet moves more often than demand does' },
];

/** The rule the verdict applies, stated as it is shown. */
export const VERDICT_RULE = 'fewest minutes with users affected, then fewest refused requests, then fewest server-hours (summed over services)';
