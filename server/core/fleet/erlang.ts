/**
 * Erlang B and Erlang C for c servers and an offered load of a Erlangs.
 *
 * Erlang B uses the recurrence B(0) = 1, B(k) = a*B(k-1) / (k + a*B(k-1)), which never
 * overflows (unlike a^c / c!) and loses no precision. Run from k = 0 it costs O(c); the
 * replay calls it every tick, so two shortcuts keep the cost at O(sqrt(a)) whatever c is:
 *
 * - Start late. For k well below a the blocking probability is B(k) ~ 1 - k/a (the
 *   overloaded Erlang loss system), and the recurrence contracts errors by about k/a per
 *   step. Starting at k0 = min(c, a) - START_WINDOW*sqrt(a) with B(k0) = 1 - k0/a, the start
 *   error has shrunk by at least exp(-START_WINDOW^2 / 2) = exp(-32) ~ 1e-14 by k = min(c, a).
 * - Stop early. Above a, B(k) falls like a normal tail; once it is below NEGLIGIBLE (1e-20)
 *   it only falls further, so B(c) and C(c) are taken as 0 (absolute error < 1e-15 for
 *   any c up to a million).
 *
 * erlang.test.ts checks this against the plain O(c) recurrence for c up to 5,000 to 1e-12.
 */

const START_WINDOW = 8;
const NEGLIGIBLE = 1e-20;

/** Probability that an arrival finds all c servers busy in an M/M/c/c loss system. */
export function erlangB(servers: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  if (servers < 1) return 1;
  const a = offeredLoad;
  const start = Math.max(0, Math.floor(Math.min(servers, a) - START_WINDOW * Math.sqrt(a)));
  let b = start === 0 ? 1 : 1 - start / a;
  for (let k = start + 1; k <= servers; k++) {
    b = (a * b) / (k + a * b);
    if (b < NEGLIGIBLE) return 0;
  }
  return b;
}

/*
 * The last answer of erlangC. A tick asks for the same one twice (serving the tick, then
 * checking whether service is already normal for the recovery estimate), and each costs a
 * loop of about a hundred divisions. This caches a pure function: it holds no engine state
 * and every answer is the same with or without it.
 */
const lastC = { servers: Number.NaN, offeredLoad: Number.NaN, value: 0 };

/**
 * Probability that an arrival has to wait in an M/M/c queue with c (whole) servers and
 * an offered load of a Erlangs: C = B / (1 - rho*(1 - B)), rho = a/c. It is 1 when the
 * queue is unstable (a >= c) and 0 when nothing arrives.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  if (servers < 1 || offeredLoad >= servers) return 1;
  if (servers === lastC.servers && offeredLoad === lastC.offeredLoad) return lastC.value;
  const b = erlangB(servers, offeredLoad);
  const rho = offeredLoad / servers;
  const value = b / (1 - rho * (1 - b));
  lastC.servers = servers;
  lastC.offeredLoad = offeredLoad;
  lastC.value = value;
  return value;
}

