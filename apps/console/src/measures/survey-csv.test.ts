import { describe, expect, it } from 'vitest';
import { chunksOf, parseSurveyCsv } from './survey-csv';

const HEADER = 'respondent,tenure,answered_on,complained_in_last_12_months,complaint_handling';

describe('parseSurveyCsv', () => {
  it('reads each row as the API takes it, answers spelled as the scale, its key or its enum', () => {
    const file = parseSurveyCsv(
      [
        HEADER,
        'R-00001,LCRA,2026-05-04,yes,Very satisfied',
        'R-00002,lcho,2026-05-05,no,',
        'R-00003,OTHER,2026-06-01,Y,fairly-dissatisfied',
        'R-00004,LCRA,2026-06-02,true,NEITHER',
      ].join('\r\n'),
    );
    expect(file.problems).toEqual([]);
    expect(file.rows.map((row) => row.response)).toEqual([
      {
        respondent: 'R-00001',
        tenure: 'LCRA',
        answeredOn: '2026-05-04',
        complainedInLast12Months: true,
        complaintHandling: 'VERY_SATISFIED',
      },
      {
        respondent: 'R-00002',
        tenure: 'LCHO',
        answeredOn: '2026-05-05',
        complainedInLast12Months: false,
        complaintHandling: null,
      },
      {
        respondent: 'R-00003',
        tenure: 'OTHER',
        answeredOn: '2026-06-01',
        complainedInLast12Months: true,
        complaintHandling: 'FAIRLY_DISSATISFIED',
      },
      {
        respondent: 'R-00004',
        tenure: 'LCRA',
        answeredOn: '2026-06-02',
        complainedInLast12Months: true,
        complaintHandling: 'NEITHER',
      },
    ]);
  });

  it('names every problem of a row against its line, the header being line 1', () => {
    const file = parseSurveyCsv(
      [
        HEADER,
        'R-00001,LCRA,2026-05-04,yes,Very satisfied',
        ',COUNCIL,04/05/2026,maybe,Delighted',
        'R-00003,LCRA,2026-02-30,no,',
      ].join('\n'),
    );
    expect(file.rows.map((row) => [row.line, row.problems])).toEqual([
      [2, []],
      [
        3,
        [
          'respondent is empty',
          'tenure must be LCRA, LCHO or OTHER',
          'answered_on must be a date written YYYY-MM-DD',
          'complained_in_last_12_months must be yes or no',
          'complaint_handling must be empty or one of: Very satisfied, Fairly satisfied, Neither satisfied nor dissatisfied, Fairly dissatisfied, Very dissatisfied',
        ],
      ],
      // 30 February is no day.
      [4, ['answered_on must be a date written YYYY-MM-DD']],
    ]);
    expect(file.rows[1]?.response).toBeNull();
  });

  it('reads a spreadsheet export: byte-order mark, headers in other case, quoted commas', () => {
    const file = parseSurveyCsv(
      '\uFEFFRespondent,Tenure,Answered On,Complained In Last 12 Months,Complaint Handling\n' +
        '"R-0001, north",LCRA,2026-07-01,Yes,"Fairly satisfied"\n\n',
    );
    expect(file.problems).toEqual([]);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]?.response?.respondent).toBe('R-0001, north');
    expect(file.rows[0]?.response?.complaintHandling).toBe('FAIRLY_SATISFIED');
  });

  it('refuses a file without the columns, naming the missing ones', () => {
    const file = parseSurveyCsv('respondent,tenure\nR-1,LCRA\n');
    expect(file.problems).toEqual([
      'The file has no column answered_on, complained_in_last_12_months, complaint_handling.',
    ]);
    expect(file.rows).toEqual([]);
  });

  it('says a file with a header and nothing under it has no rows', () => {
    expect(parseSurveyCsv(`${HEADER}\n`).problems).toEqual([
      'The file has no rows under its header.',
    ]);
  });

  it('marks a row with too few fields', () => {
    const file = parseSurveyCsv(`${HEADER}\nR-1,LCRA,2026-05-04\n`);
    expect(file.rows[0]?.problems[0]).toBe('the row does not have 5 fields');
    expect(file.rows[0]?.response).toBeNull();
  });
});

describe('chunksOf', () => {
  it.each([
    [0, 1000, []],
    [1000, 1000, [1000]],
    [2501, 1000, [1000, 1000, 501]],
  ])('%i rows by %i make chunks of %j', (count, size, sizes) => {
    const rows = Array.from({ length: count }, (_, i) => i);
    const chunks = chunksOf(rows, size);
    expect(chunks.map((chunk) => chunk.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(rows);
  });
});
