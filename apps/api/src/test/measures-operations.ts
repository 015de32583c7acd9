import { gqlData, type Variables } from './graphql-client.js';
import { logInput } from './complaint-operations.js';

// The measures' documents as an analyst's tool would send them, and the casework steps the
// measures tests drive cases through (each at an instant of the test's choosing).

export const TSM_REPORT = /* GraphQL */ `
  query Tsm($year: Int!, $tenure: Tenure) {
    tsmReport(year: $year, tenure: $tenure) {
      year
      tenure
      from
      to
      homes
      stage1Received
      stage2Received
      stage1Responded
      stage1RespondedOnTime
      stage1RespondedOnTimeWithoutExtensions
      stage2Responded
      stage2RespondedOnTime
      stage2RespondedOnTimeWithoutExtensions
      surveyRespondents
      surveySatisfied
      ch01Stage1
      ch01Stage2
      ch02Stage1
      ch02Stage2
      ch02Stage1WithoutExtensions
      ch02Stage2WithoutExtensions
      tp09
    }
  }
`;

export const MEASURES = /* GraphQL */ `
  query Measures($year: Int!, $filter: MeasuresFilter) {
    measures(year: $year, filter: $filter) {
      year
      from
      to
      acknowledgedOnTime {
        stage
        numerator
        denominator
        percentage
      }
      actionsOnTime {
        numerator
        denominator
        percentage
      }
      actionsOnTimeTarget
      outcomesByCategory {
        category
        stage
        outcome
        count
      }
      escalationRate {
        numerator
        denominator
        percentage
      }
      refusalsByReason {
        reason
        count
      }
      ombudsmanReferrals
      ombudsmanFindings {
        finding
        count
      }
      compensationOfferedPence
      compensationPaidPence
      repeatComplainants
      averageWorkingDaysToRespond {
        stage
        responses
        average
      }
      transactionalSatisfaction {
        responses
        average
        target
      }
    }
  }
`;

export const MEASURE_BREAKDOWN = /* GraphQL */ `
  query Breakdown(
    $year: Int!
    $measure: MeasureName!
    $by: MeasureDimension!
    $filter: MeasuresFilter
  ) {
    measureBreakdown(year: $year, measure: $measure, by: $by, filter: $filter) {
      key
      label
      numerator
      denominator
      value
    }
  }
`;

export const MEASURE_CASES = /* GraphQL */ `
  query Cases(
    $year: Int!
    $measure: MeasureName!
    $part: MeasurePart!
    $filter: MeasuresFilter
    $first: Int
    $after: String
  ) {
    measureCases(
      year: $year
      measure: $measure
      part: $part
      filter: $filter
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        reference
        stage
        tenure
        category
        receivedOn
        respondedOn
        onTime
        outcome
        teamId
        actionId
        dueOn
      }
    }
  }
`;

export interface CaseRef {
  readonly id: string;
  readonly reference: string;
  readonly deadlines: readonly { stage: number; kind: string; dueOn: string }[];
}

const CASE = 'id reference deadlines { stage kind dueOn }';

const STEPS = {
  log: `mutation ($input: LogComplaintInput!, $at: DateTime) { out: logComplaint(input: $input, at: $at) { ${CASE} } }`,
  acknowledge: `mutation ($id: ID!, $at: DateTime) { out: acknowledgeComplaint(id: $id, at: $at) { ${CASE} } }`,
  respond: `mutation ($id: ID!, $input: RespondInput!, $at: DateTime) { out: respondToComplaint(id: $id, input: $input, at: $at) { ${CASE} } }`,
  extend: `mutation ($id: ID!, $workingDays: Int!, $reason: String!, $notice: ResidentNoticeInput, $at: DateTime) { out: extendResponseDeadline(id: $id, workingDays: $workingDays, reason: $reason, notice: $notice, at: $at) { ${CASE} } }`,
  escalate: `mutation ($id: ID!, $reason: String, $at: DateTime) { out: requestEscalation(id: $id, reason: $reason, at: $at) { ${CASE} } }`,
  withdraw: `mutation ($id: ID!, $reason: String!, $at: DateTime) { out: withdrawComplaint(id: $id, reason: $reason, at: $at) { ${CASE} } }`,
  refuse: `mutation ($id: ID!, $reason: RefusalReason!, $explanation: String!, $notice: ResidentNoticeInput, $at: DateTime) { out: refuseComplaint(id: $id, reason: $reason, explanation: $explanation, notice: $notice, at: $at) { ${CASE} } }`,
} as const;

type Headers = Readonly<Record<string, string>>;

/** The steps of a case against the server at `url()`, each at the instant given. */
export function measureSteps(url: () => string) {
  const run = async (
    step: keyof typeof STEPS,
    variables: Variables,
    headers: Headers = {},
  ): Promise<CaseRef> => {
    const data = await gqlData<{ out: CaseRef }>(url(), STEPS[step], variables, headers);
    return data.out;
  };
  return {
    log: (at: string, overrides: Record<string, unknown> = {}) =>
      run('log', { input: logInput(at, overrides), at }),
    /** `as`: someone else's headers (stage 2 is taken by someone not involved at stage 1). */
    acknowledge: (c: CaseRef, at: string, as?: Headers) => run('acknowledge', { id: c.id, at }, as),
    respond: (c: CaseRef, at: string, outcome = 'UPHELD', as?: Headers) =>
      run(
        'respond',
        {
          id: c.id,
          at,
          input: { outcome, findings: 'The repair was booked late and not followed up.' },
        },
        as,
      ),
    extend: (c: CaseRef, at: string, workingDays: number, toldOn: string) =>
      run('extend', {
        id: c.id,
        at,
        workingDays,
        reason: 'Waiting on a damp survey.',
        notice: { toldOn, method: 'EMAIL', ombudsmanDetailsGiven: true },
      }),
    escalate: (c: CaseRef, at: string) =>
      run('escalate', { id: c.id, at, reason: 'The repair is still not done.' }),
    withdraw: (c: CaseRef, at: string) =>
      run('withdraw', { id: c.id, at, reason: 'The resident moved out.' }),
    refuse: (c: CaseRef, at: string) =>
      run('refuse', {
        id: c.id,
        at,
        reason: 'LEGAL_PROCEEDINGS',
        explanation: 'Court proceedings about the same repair have begun.',
        notice: { toldOn: at.slice(0, 10), method: 'EMAIL', ombudsmanDetailsGiven: true },
      }),
  };
}

/** The due date of a stage's deadline, as the case shows it. */
export function dueOn(c: CaseRef, stage: number, kind: 'ACKNOWLEDGE' | 'RESPOND'): string {
  const found = c.deadlines.find((d) => d.stage === stage && d.kind === kind);
  if (!found) throw new Error(`${c.reference} has no stage ${stage} ${kind} deadline`);
  return found.dueOn;
}
