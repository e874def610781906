import type { HolidayDayParams, ServiceShape, SurgeDayParams } from './scenario-params.js';

/** Demand in rps of one service on a holiday, `minute` minutes after local midnight (0..1440). */
export function holidayRps(service: ServiceShape, day: HolidayDayParams, minute: number): number {
  const night = service.nightRps;
  return smoothThrough(
    [
      [0, night],
      [day.riseStartMinute, night],
      [day.riseEndMinute, service.holidayRps],
      [day.fallStartMinute, service.holidayRps],
      [1440, night],
    ],
    minute,
  );
}

/**
 * Demand in rps of one service on the surge day: a working level (night floor, morning
 * ramp, lunch dip, afternoon peak, evening decay), the 09:00 meeting wave on top of it and
 * a bump each time meetings start.
 */
export function surgeRps(service: ServiceShape, day: SurgeDayParams, minute: number): number {
  const working = (m: number): number => workingRps(service, day, m);
  const { ramp } = day;
  const wave = (service.peakRps - working(ramp.peakMinute)) * pulse(minute - ramp.peakMinute, ramp.waveRiseMinutes, ramp.waveDecayMinutes, 2);
  return working(minute) + wave + bumpsRps(service, day, minute, working);
}

function workingRps(service: ServiceShape, day: SurgeDayParams, minute: number): number {
  const night = service.nightRps;
  // afternoonPeakRps is the demand people see, meeting bumps included
  const afternoon = service.afternoonPeakRps / (1 + service.meetingBump);
  const morning = day.morningLevel * afternoon;
  const { lunch, evening } = day;
  const eveningRps = evening.level * afternoon;
  if (minute > evening.startMinute) {
    return night + (eveningRps - night) * Math.exp(-(minute - evening.startMinute) / evening.decayMinutes);
  }
  const dip = morning * (1 - lunch.depth);
  return smoothThrough(
    [
      [0, night],
      [day.ramp.startMinute, night],
      [day.ramp.peakMinute, morning],
      [lunch.startMinute, morning],
      [lunch.startMinute + lunch.edgeMinutes, dip],
      [lunch.endMinute - lunch.edgeMinutes, dip],
      [lunch.endMinute, morning],
      [day.afternoonPeakMinute, afternoon],
      [evening.startMinute, eveningRps],
    ],
    minute,
  );
}

function bumpsRps(service: ServiceShape, day: SurgeDayParams, minute: number, working: (m: number) => number): number {
  const b = day.meetingBumps;
  let total = 0;
  for (let centre = b.firstMinute; centre <= b.lastMinute; centre += b.everyMinutes) {
    if (centre >= day.lunch.startMinute && centre < day.lunch.endMinute) continue;
    const shape = pulse(minute - centre, b.riseMinutes, b.decayMinutes, 1);
    if (shape === 0) continue;
    const onTheHour = centre % 60 === 0;
    total += service.meetingBump * (onTheHour ? 1 : b.offHourFactor) * working(centre) * shape;
  }
  return total;
}

/**
 * 0 before `rise` minutes ahead of the centre, climbing as (fraction)^power to 1 at the
 * centre, then decaying exponentially with time constant `decay`; negligible tails are 0.
 */
function pulse(fromCentre: number, rise: number, decay: number, power: number): number {
  if (fromCentre < -rise) return 0;
  if (fromCentre <= 0) return rise === 0 ? 1 : ((fromCentre + rise) / rise) ** power;
  const tail = Math.exp(-fromCentre / decay);
  return tail < 1e-4 ? 0 : tail;
}

/** Cosine interpolation through [minute, rps] keypoints: smooth, and never overshoots a keypoint. */
function smoothThrough(points: readonly (readonly [number, number])[], minute: number): number {
  const first = points[0];
  if (!first || minute <= first[0]) return first?.[1] ?? 0;
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i] as readonly [number, number];
    const [m0, v0] = points[i - 1] as readonly [number, number];
    if (minute <= m1) {
      const f = m1 === m0 ? 1 : (minute - m0) / (m1 - m0);
      return v0 + (v1 - v0) * (1 - Math.cos(Math.PI * f)) / 2;
    }
  }
  return (points[points.length - 1] as readonly [number, number])[1];
}
