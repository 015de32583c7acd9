// The arithmetic of the TSM complaint and satisfaction figures. Counting which cases go into
// each count is caseMeasures' job; this only divides. Figures are unrounded: the Regulator asks
// for them to one decimal place, which is a matter of display, and rounding twice would drift.
import type { TsmCounts, TsmFigures } from './metrics.types.js';

/** `numerator` as a percentage of `denominator`; null when there is nothing to divide by. */
export function percentageOf(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) {
    return null;
  }
  return (numerator / denominator) * 100;
}

/**
 * `count` per 1,000 homes (CH01: complaints received per 1,000 homes owned); null when the
 * homes are not entered or are none.
 */
export function perThousand(count: number, homes: number | null): number | null {
  if (homes === null || !Number.isFinite(homes) || homes <= 0 || !Number.isFinite(count)) {
    return null;
  }
  return (count / homes) * 1000;
}

/** CH01, CH02 (with and without extensions) and TP09 from their counts. */
export function tsmFigures(counts: TsmCounts): TsmFigures {
  return {
    ch01Stage1: perThousand(counts.stage1Received, counts.homes),
    ch01Stage2: perThousand(counts.stage2Received, counts.homes),
    ch02Stage1: percentageOf(counts.stage1RespondedOnTime, counts.stage1Responded),
    ch02Stage2: percentageOf(counts.stage2RespondedOnTime, counts.stage2Responded),
    ch02Stage1WithoutExtensions: percentageOf(
      counts.stage1RespondedOnTimeWithoutExtensions,
      counts.stage1Responded,
    ),
    ch02Stage2WithoutExtensions: percentageOf(
      counts.stage2RespondedOnTimeWithoutExtensions,
      counts.stage2Responded,
    ),
    tp09: percentageOf(counts.surveySatisfied, counts.surveyRespondents),
  };
}
