import { describe, expect, it } from 'vitest';
import {
  acknowledged,
  logged,
  responded,
  stage2Responded,
} from '../complaints/casework.fixtures.js';
import { pounds } from '../complaints/remedies.js';
import { letterName } from './letter-name.js';
import { letterOptions } from './letter-options.js';

describe('letterOptions: a letter for each step taken', () => {
  it('offers nothing for a case only logged', () => {
    expect(letterOptions(logged())).toEqual([]);
  });

  it('offers the acknowledgement once stage 1 is acknowledged', () => {
    expect(letterOptions(acknowledged())).toEqual([{ kind: 'acknowledgement', stage: 1 }]);
  });

  it('offers the stage 1 response once it is made', () => {
    expect(letterOptions(responded())).toEqual([
      { kind: 'acknowledgement', stage: 1 },
      { kind: 'response', stage: 1 },
    ]);
  });

  it('offers stage 2 letters once stage 2 is acknowledged and answered', () => {
    expect(letterOptions(stage2Responded())).toEqual(
      expect.arrayContaining([
        { kind: 'acknowledgement', stage: 2 },
        { kind: 'response', stage: 2 },
      ]),
    );
  });
});

describe('pounds: money as a resident reads it', () => {
  it.each([
    [0, '£0.00'],
    [5, '£0.05'],
    [25_000, '£250.00'],
    [125_050, '£1,250.50'],
  ])('%i pence is %s', (pence, text) => {
    expect(pounds(pence)).toBe(text);
  });
});

describe('a letter as its reader names it', () => {
  it('names a step letter by its stage, and a refusal by what it refuses', () => {
    expect(letterName('response', 2)).toBe('Stage 2 response');
    expect(letterName('acknowledgement', 1)).toBe('Stage 1 acknowledgement');
    expect(letterName('escalation-refusal', 1)).toBe('Refusal to take the complaint to stage 2');
  });
});
