import { describe, expect, it } from 'vitest';
import type { LetterDraft } from '../letters/compose-letter.js';
import { anonymiseLetter } from './anonymise-letter.js';
import { ANONYMISED } from './personal-fields.js';

const draft: LetterDraft = {
  kind: 'response',
  stage: 1,
  reference: 'RDR-0001',
  issuedOn: '2026-11-20',
  recipient: { name: 'Jordan Price', address: '12 High Street', email: 'jordan@example.org' },
  landlordName: 'Northgate Homes',
  logoDataUrl: null,
  salutation: 'Dear Jordan Price,',
  opening: 'We have finished looking into your complaint.',
  closing: 'Yours sincerely,',
  signature: { name: 'Alex Morgan', role: 'Complaints officer' },
  parts: [
    {
      part: 'decision-on-each-point',
      heading: 'Our decision',
      clause: '6.7',
      text: 'We uphold Jordan’s complaint.',
    },
    { part: 'remedy', heading: 'Putting things right', clause: '6.7', text: '' },
  ],
  largePrint: true,
  translateTo: 'Polish',
  missing: [],
};

describe('a letter once its case is anonymised', () => {
  it('keeps its kind, date and parts by clause, and nothing said to or of the resident', () => {
    const kept = anonymiseLetter(draft);
    expect(kept).toMatchObject({
      kind: 'response',
      stage: 1,
      reference: 'RDR-0001',
      issuedOn: '2026-11-20',
      recipient: { address: null, email: null },
      salutation: 'Dear resident,',
      largePrint: true,
      translateTo: null,
    });
    expect(kept.parts).toEqual([
      { part: 'decision-on-each-point', heading: 'Our decision', clause: '6.7', text: ANONYMISED },
      { part: 'remedy', heading: 'Putting things right', clause: '6.7', text: '' },
    ]);
    expect(JSON.stringify(kept)).not.toMatch(/Jordan|High Street|Polish/);
  });
});
