// @vitest-environment node
// Every operation the measures pages send, validated against the committed SDL the API serves
// (as data-provider/schema.test.ts does for the resources), with the variables the pages send.
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getVariableValues,
  parse,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ANNUAL_REPORT } from './annual-report.query';
import { MEASURES_OPERATIONS } from './measures.query';

const sdl = readFileSync(new URL('../../../api/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);

const OPERATIONS: Record<string, string> = {
  ...MEASURES_OPERATIONS,
  ANNUAL_REPORT,
};

/** Variables as the pages send them, one example each. */
const VARIABLES: Record<string, Record<string, unknown>> = {
  TSM_REPORT: { year: 2026, tenure: 'LCRA' },
  MEASURES: { year: 2026, filter: { tenure: 'LCHO' } },
  MEASURE_BREAKDOWN: { year: 2026, measure: 'CH02_STAGE1', by: 'MONTH', filter: null },
  MEASURE_CASES: {
    year: 2026,
    measure: 'ACTIONS_ON_TIME',
    part: 'DENOMINATOR',
    filter: null,
    first: 50,
    after: null,
  },
  HOMES: { year: 2026 },
  SET_HOMES: { year: 2026, tenure: 'LCRA', homes: 12400 },
  RECORD_SURVEY_RESPONSES: {
    responses: [
      {
        respondent: 'R-1',
        tenure: 'LCRA',
        answeredOn: '2026-05-04',
        complainedInLast12Months: true,
        complaintHandling: 'FAIRLY_SATISFIED',
      },
    ],
  },
  IMPROVEMENTS: { year: 2026 },
  RECORD_IMPROVEMENT: {
    input: {
      year: 2026,
      youSaid: 'You said.',
      weDid: 'We did.',
      category: null,
      complaintReferences: ['CMP-2026-000001'],
    },
  },
  ANNUAL_REPORT: { year: 2026 },
};

describe.each(Object.entries(OPERATIONS))('%s fits the schema', (name, query) => {
  it('validates', () => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
  });
  it('takes the variables the page sends', () => {
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      VARIABLES[name]!,
    );
    expect((coerced.errors ?? []).map((error) => error.message)).toEqual([]);
  });
});
