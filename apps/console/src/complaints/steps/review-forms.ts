// The form of stage 2's review (seed 004): an independent manager and, if the resident wants
// one, an independent resident from the landlord's review panel. Whether each may review this
// case (stage 1's people, a home at or next to the case's, consent) is the domain's rule: the
// form offers the staff and the panel's available members, and shows the refusal.
import {
  FieldError,
  type Choice,
  type GraphQLRequest,
  type StepDefinition,
} from './step-form.types';

const USERS = `query StaffReviewers {
  usersPage(filter: { active: true }, first: 200) { nodes { id name role } }
}`;

const PANEL = `query PanelReviewers {
  reviewPanelMembers(available: true) { id name }
}`;

interface Named {
  readonly id: string;
  readonly name: string;
  readonly role?: string | null;
}

export async function staffChoices(request: GraphQLRequest): Promise<readonly Choice[]> {
  const data = (await request(USERS, {})) as { usersPage: { nodes: readonly Named[] } };
  // Staff with a role; a user signed in once through the landlord's provider may have none yet.
  return data.usersPage.nodes
    .filter((user) => user.role)
    .map((user) => ({ id: user.id, name: user.name }));
}

export async function panelChoices(request: GraphQLRequest): Promise<readonly Choice[]> {
  const data = (await request(PANEL, {})) as { reviewPanelMembers: readonly Named[] };
  return data.reviewPanelMembers.map((member) => ({ id: member.id, name: member.name }));
}

function chosen(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export const REVIEW_FORMS: readonly StepDefinition[] = [
  {
    step: 'record-stage-2-reviewers',
    intro:
      'Record who reviews stage 2: an independent manager and, if the resident wants one, an independent resident from the review panel. Nobody who considered stage 1 may review it (Code 6.13), nor a resident living at or next to the home it is about.',
    mutation: `mutation RecordStage2Reviewers($complaintId: ID!, $expectedVersion: Int, $reviewers: [Stage2ReviewerInput!]!) {
  recordStage2Reviewers(complaintId: $complaintId, expectedVersion: $expectedVersion, reviewers: $reviewers) { id version }
}`,
    fields: [
      {
        name: 'manager',
        label: 'Independent manager',
        kind: 'select',
        required: true,
        loadChoices: staffChoices,
      },
      {
        name: 'resident',
        label: 'Independent resident from the panel',
        kind: 'select',
        helperText: 'Only members who consented and have not withdrawn are listed.',
        loadChoices: panelChoices,
      },
    ],
    variables: (v) => {
      const manager = chosen(v.manager);
      if (manager === null) throw new FieldError('manager', 'Choose the manager who reviews.');
      const resident = chosen(v.resident);
      return {
        reviewers: [
          { userId: manager },
          ...(resident === null ? [] : [{ panelMemberId: resident }]),
        ],
      };
    },
  },
];
