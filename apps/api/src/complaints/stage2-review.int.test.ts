// Stage 2's reviewers over HTTP (seed 004: an independent manager and an independent resident
// from the landlord's panel): the panel kept by those with panel:manage, reviewers recorded and
// shown on the case and in its events, and the domain's refusals reaching the caller with
// nothing written: a stage 1 handler (Code 6.13), a resident living at the property or next door,
// a resident who has not consented or withdrew.
//
// Dates: received Fri 6 Nov 2026, answered Fri 20 Nov, escalated Mon 23 Nov.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData, gqlError, type Variables } from '../test/graphql-client.js';
import {
  ACKNOWLEDGE,
  complaintFrom,
  LOG_COMPLAINT,
  logInput,
  REQUEST_ESCALATION,
  RESPOND,
  type ComplaintView,
} from '../test/complaint-operations.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;
let stage1Handler: SignedInUser;
let manager: SignedInUser;
let handler: SignedInUser;

const RESIDENT_HOME = 'Flat 2, 12 Mill Lane, Leeds';

const MEMBER = /* GraphQL */ `
  fragment Member on ReviewPanelMember {
    id
    name
    addressLines
    postcode
    consentGivenOn
    consentWithdrawnOn
    available
    conflictsDeclared
  }
`;

const ADD_MEMBER = /* GraphQL */ `
  mutation ($input: ReviewPanelMemberInput!) {
    addReviewPanelMember(input: $input) {
      ...Member
    }
  }
  ${MEMBER}
`;

const UPDATE_MEMBER = /* GraphQL */ `
  mutation ($id: ID!, $changes: ReviewPanelMemberChanges!) {
    updateReviewPanelMember(id: $id, changes: $changes) {
      ...Member
    }
  }
  ${MEMBER}
`;

const MEMBERS = /* GraphQL */ `
  query ($available: Boolean) {
    reviewPanelMembers(available: $available) {
      id
      name
      available
    }
  }
`;

const RECORD = /* GraphQL */ `
  mutation ($id: ID!, $reviewers: [Stage2ReviewerInput!]!, $at: DateTime) {
    recordStage2Reviewers(complaintId: $id, reviewers: $reviewers, at: $at) {
      id
      version
      allowedSteps
      stage2Reviewers {
        kind
        userId
        panelMemberId
        name
        consentGivenOn
      }
      events {
        type
        label
      }
    }
  }
`;

const REVIEWERS = /* GraphQL */ `
  query ($id: ID!) {
    complaint(id: $id) {
      version
      allowedSteps
      stage2Reviewers {
        kind
        name
      }
    }
  }
`;

interface Member {
  readonly id: string;
  readonly name: string;
  readonly available: boolean;
  readonly consentWithdrawnOn: string | null;
}

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-24T12:00:00Z' });
  [stage1Handler, manager, handler] = await Promise.all([
    signInNewUser(api.services, 'HANDLER', { name: 'Sam Okafor' }),
    signInNewUser(api.services, 'MANAGER', { name: 'Dana Reid' }),
    signInNewUser(api.services, 'HANDLER', { name: 'Chris Bell' }),
  ]);
});

afterAll(async () => {
  await api?.stop();
});

function run(document: string, field: string, variables: Variables): Promise<ComplaintView> {
  return complaintFrom(api.url, document, field, variables);
}

/** A case at stage 2, its stage 1 answered by Sam Okafor, the resident at RESIDENT_HOME. */
async function atStage2(): Promise<ComplaintView> {
  const input = logInput('2026-11-06T10:00:00Z');
  const c = await run(LOG_COMPLAINT, 'logComplaint', {
    input: {
      ...input,
      complainant: { ...(input.complainant as object), address: `${RESIDENT_HOME} LS6 2AB` },
    },
    at: '2026-11-06T10:00:00Z',
  });
  const sam = stage1Handler.headers;
  await complaintFrom(api.url, ACKNOWLEDGE, 'acknowledgeComplaint', { id: c.id }, sam);
  await complaintFrom(
    api.url,
    RESPOND,
    'respondToComplaint',
    { id: c.id, input: { outcome: 'NOT_UPHELD', findings: 'The repairs were done.' } },
    sam,
  );
  return run(REQUEST_ESCALATION, 'requestEscalation', { id: c.id, reason: 'Still damp.' });
}

async function addMember(input: Record<string, unknown>): Promise<Member> {
  const data = await gqlData<{ addReviewPanelMember: Member }>(
    api.url,
    ADD_MEMBER,
    { input: { postcode: 'LS6 3CD', consentGivenOn: '2026-01-15', ...input } },
    manager.headers,
  );
  return data.addReviewPanelMember;
}

async function allowed(id: string): Promise<string[]> {
  const data = await gqlData<{ complaint: { allowedSteps: string[] } }>(api.url, REVIEWERS, { id });
  return data.complaint.allowedSteps;
}

async function expectRefused(
  id: string,
  reviewers: unknown[],
  refusal: string,
  field: string | null,
  says: RegExp,
): Promise<void> {
  const before = await gqlData<{ complaint: { version: number } }>(api.url, REVIEWERS, { id });
  const error = await gqlError(api.url, RECORD, { id, reviewers });
  expect(error.extensions).toMatchObject({ code: 'POLICY_REFUSED', refusal });
  expect(error.extensions?.field).toBe(field ?? undefined);
  expect(error.message).toMatch(says);
  const after = await gqlData<{ complaint: { version: number } }>(api.url, REVIEWERS, { id });
  expect(after.complaint.version).toBe(before.complaint.version);
}

describe('the review panel', () => {
  it('is kept by a manager: added, listed by availability, consent withdrawn', async () => {
    const member = await addMember({ name: 'Morgan Lee', addressLines: '40 Oak Avenue, Leeds' });
    expect(member).toMatchObject({ available: true, consentWithdrawnOn: null });
    const withdrawn = await gqlData<{ updateReviewPanelMember: Member }>(
      api.url,
      UPDATE_MEMBER,
      { id: member.id, changes: { consentWithdrawnOn: '2026-11-20', conflictsDeclared: 'None' } },
      manager.headers,
    );
    expect(withdrawn.updateReviewPanelMember).toMatchObject({
      available: false,
      consentWithdrawnOn: '2026-11-20',
      conflictsDeclared: 'None',
    });
    const listed = await gqlData<{ reviewPanelMembers: Member[] }>(
      api.url,
      MEMBERS,
      { available: false },
      handler.headers,
    );
    expect(listed.reviewPanelMembers.map((m) => m.id)).toContain(member.id);
    const available = await gqlData<{ reviewPanelMembers: Member[] }>(api.url, MEMBERS, {
      available: true,
    });
    expect(available.reviewPanelMembers.map((m) => m.id)).not.toContain(member.id);
  });

  it('is changed by panel:manage only, and its addresses read by it only', async () => {
    const error = await gqlError(
      api.url,
      ADD_MEMBER,
      { input: { name: 'Robin Hale', addressLines: '1 Elm Road' } },
      handler.headers,
    );
    expect(error.extensions?.code).toBe('FORBIDDEN');
    const read = await gql<{ reviewPanelMembers: { addressLines: string | null }[] }>(
      api.url,
      '{ reviewPanelMembers { name addressLines } }',
      {},
      handler.headers,
    );
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.data?.reviewPanelMembers[0]?.addressLines).toBeNull();
  });

  it('refuses a withdrawal dated before the consent, naming the field', async () => {
    const member = await addMember({ name: 'Kim Ward', addressLines: '3 Ash Grove' });
    const error = await gqlError(
      api.url,
      UPDATE_MEMBER,
      { id: member.id, changes: { consentWithdrawnOn: '2025-12-01' } },
      manager.headers,
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consentWithdrawnOn' });
  });
});

describe('recording stage 2 reviewers', () => {
  it('records an independent manager and a resident of the panel, shown on the case and in its events', async () => {
    const c = await atStage2();
    expect(await allowed(c.id)).toContain('RECORD_STAGE_2_REVIEWERS');
    const member = await addMember({ name: 'Alex Quinn', addressLines: '40 Oak Avenue, Leeds' });
    const data = await gqlData<{
      recordStage2Reviewers: {
        stage2Reviewers: unknown[];
        events: { type: string; label: string }[];
      };
    }>(api.url, RECORD, {
      id: c.id,
      reviewers: [{ userId: manager.id }, { panelMemberId: member.id }],
    });
    expect(data.recordStage2Reviewers.stage2Reviewers).toEqual([
      {
        kind: 'STAFF',
        userId: manager.id,
        panelMemberId: null,
        name: 'Dana Reid',
        consentGivenOn: null,
      },
      {
        kind: 'PANEL',
        userId: null,
        panelMemberId: member.id,
        name: 'Alex Quinn',
        consentGivenOn: '2026-01-15',
      },
    ]);
    expect(data.recordStage2Reviewers.events.at(-1)).toEqual({
      type: 'stage-2-reviewers-recorded',
      label: 'Stage 2 reviewers recorded',
    });
    const again = await gqlData<{ complaint: { stage2Reviewers: { name: string }[] } }>(
      api.url,
      REVIEWERS,
      { id: c.id },
    );
    expect(again.complaint.stage2Reviewers.map((r) => r.name)).toEqual(['Dana Reid', 'Alex Quinn']);
  });

  it('refuses the manager who handled stage 1 (Code 6.13)', async () => {
    const c = await atStage2();
    await expectRefused(
      c.id,
      [{ userId: manager.id }, { userId: stage1Handler.id }],
      'REVIEWER_NOT_INDEPENDENT',
      'reviewers[1]',
      /Sam Okafor considered stage 1/,
    );
  });

  it.each([
    ['at the property', '12 Mill Lane, Flat 2', /home is the home the complaint is about/],
    ['next door', '14 Mill Lane, Leeds', /a neighbour of the home/],
  ])('refuses a resident of the panel living %s', async (_where, addressLines, says) => {
    const c = await atStage2();
    const member = await addMember({ name: 'Jo Neighbour', addressLines, postcode: 'LS6 2AB' });
    await expectRefused(
      c.id,
      [{ panelMemberId: member.id }],
      'REVIEWER_CONFLICT_OF_INTEREST',
      'reviewers[0]',
      says,
    );
  });

  it('refuses a resident of the panel without consent recorded', async () => {
    const c = await atStage2();
    const member = await addMember({
      name: 'Pat Unsure',
      addressLines: '9 Birch Close',
      consentGivenOn: null,
    });
    expect(member.available).toBe(false);
    await expectRefused(
      c.id,
      [{ userId: manager.id }, { panelMemberId: member.id }],
      'REVIEWER_WITHOUT_CONSENT',
      'reviewers[1]',
      /holds no consent from Pat Unsure/,
    );
  });

  it('answers NOT_FOUND for a panel member nobody has, and BAD_USER_INPUT for a reviewer named twice over', async () => {
    const c = await atStage2();
    const missing = await gqlError(api.url, RECORD, {
      id: c.id,
      reviewers: [{ panelMemberId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'panel-member' });
    const both = await gqlError(api.url, RECORD, {
      id: c.id,
      reviewers: [{ userId: manager.id, panelMemberId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reviewers[0]' });
  });

  it('is not offered, and refused, before stage 2', async () => {
    const input = logInput('2026-11-06T10:00:00Z');
    const c = await run(LOG_COMPLAINT, 'logComplaint', { input });
    expect(await allowed(c.id)).not.toContain('RECORD_STAGE_2_REVIEWERS');
    await expectRefused(
      c.id,
      [{ userId: manager.id }],
      'STAGE2_REVIEW_NOT_OPEN',
      null,
      /is at stage 1/,
    );
  });
});
