/**
 * The parameters a scenario is generated from. Times of day are minutes since local
 * midnight in the scenario's time zone (540 = 09:00). Every number in FEB3_PARAMS is an
 * assumption sized for the default plan; scenarios/README.md separates them from the facts.
 */

export interface ServiceShape {
  /** overnight floor, both kinds of day */
  nightRps: number;
  /** holiday daytime plateau */
  holidayRps: number;
  /** the surge day's peak, reached at surgeDay.ramp.peakMinute */
  peakRps: number;
  /** the surge day's afternoon peak, reached at surgeDay.afternoonPeakMinute */
  afternoonPeakRps: number;
  /** a meeting-start bump on the hour, as a fraction of the working level at that time */
  meetingBump: number;
}

export interface SurgeDayParams {
  ramp: {
    /** the working level starts rising from the night floor */
    startMinute: number;
    /** the synchronised morning meetings: the day's peak */
    peakMinute: number;
    /** the meeting wave climbs to the peak over this many minutes before it (quadratically: sharp) */
    waveRiseMinutes: number;
    /** and decays exponentially after it with this time constant */
    waveDecayMinutes: number;
  };
  /** working level from the peak to lunch, as a fraction of the afternoon peak */
  morningLevel: number;
  meetingBumps: {
    /** first and last bump centres; bumps every `everyMinutes` in between, none during lunch */
    firstMinute: number;
    lastMinute: number;
    everyMinutes: number;
    /** bumps not on the hour are this fraction of an hour bump */
    offHourFactor: number;
    /** people join a little early: the bump climbs linearly over this many minutes before its centre */
    riseMinutes: number;
    /** and decays exponentially after it with this time constant */
    decayMinutes: number;
  };
  lunch: {
    startMinute: number;
    endMinute: number;
    /** fraction of the morning level missing at the bottom of the dip */
    depth: number;
    /** minutes taken to fall into the dip and to climb out of it */
    edgeMinutes: number;
  };
  afternoonPeakMinute: number;
  evening: {
    /** decay starts here, from `level` × the afternoon peak */
    startMinute: number;
    level: number;
    /** time constant of the exponential decay towards the night floor */
    decayMinutes: number;
  };
}

export interface HolidayDayParams {
  /** the day rises from the night floor to the holiday plateau between these */
  riseStartMinute: number;
  riseEndMinute: number;
  /** and falls back to the night floor from here to midnight */
  fallStartMinute: number;
}

export interface ScenarioParams {
  name: string;
  description: string;
  /** IANA time zone the times of day are in */
  timezone: string;
  /** first sample, ISO 8601 with offset */
  start: string;
  /** last sample (included when it falls on the step grid), ISO 8601 with offset */
  end: string;
  stepSeconds: number;
  /** local dates (YYYY-MM-DD) shaped as the surge day; every other date is shaped as a holiday */
  surgeDates: string[];
  services: Record<string, ServiceShape>;
  surgeDay: SurgeDayParams;
  holidayDay: HolidayDayParams;
  /** relative standard deviation of the multiplicative Gaussian noise on every sample */
  noiseRelativeSd: number;
}

/** The seed scenarios/feb3.json is generated with. */
export const FEB3_SEED = 20200203;

/** Sunday 2 February 2020, the last holiday day, then Monday 3 February, the first working day. */
export const FEB3_PARAMS: ScenarioParams = {
  name: 'feb3',
  description:
    'Sunday 2 February 2020 (last day of the extended Spring Festival holiday) as the baseline, then Monday 3 February, ' +
    'the first working day, when most companies in China worked from home: a ramp from 07:30 into a sharp 09:00 peak of ' +
    'synchronised morning meetings, meeting-start bumps on the hour and half hour, a lunch dip, an afternoon peak and an ' +
    'evening decay. Magnitudes and shapes are assumptions; see scenarios/README.md.',
  timezone: 'Asia/Shanghai',
  start: '2020-02-02T00:00:00+08:00',
  end: '2020-02-04T00:00:00+08:00',
  stepSeconds: 60,
  surgeDates: ['2020-02-03'],
  services: {
    messaging: { nightRps: 1500, holidayRps: 6000, peakRps: 48000, afternoonPeakRps: 30000, meetingBump: 0.06 },
    meetings: { nightRps: 300, holidayRps: 2000, peakRps: 30000, afternoonPeakRps: 18000, meetingBump: 0.3 },
    docs: { nightRps: 500, holidayRps: 3000, peakRps: 15000, afternoonPeakRps: 12000, meetingBump: 0.04 },
  },
  surgeDay: {
    ramp: { startMinute: 450, peakMinute: 540, waveRiseMinutes: 10, waveDecayMinutes: 40 },
    morningLevel: 0.8,
    meetingBumps: { firstMinute: 570, lastMinute: 1050, everyMinutes: 30, offHourFactor: 0.6, riseMinutes: 2, decayMinutes: 5 },
    lunch: { startMinute: 720, endMinute: 810, depth: 0.35, edgeMinutes: 30 },
    afternoonPeakMinute: 885,
    evening: { startMinute: 1050, level: 0.7, decayMinutes: 90 },
  },
  holidayDay: { riseStartMinute: 420, riseEndMinute: 600, fallStartMinute: 1260 },
  noiseRelativeSd: 0.02,
};
