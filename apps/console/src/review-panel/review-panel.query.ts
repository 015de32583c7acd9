// The review panel's reads and writes: the console's one GraphQL client, no data provider
// (the panel is a short list, not a paged resource).
import { graphqlRequest } from '../shared/graphql-client';

export interface PanelMember {
  readonly id: string;
  readonly name: string;
  readonly addressLines: string | null;
  readonly postcode: string | null;
  readonly consentGivenOn: string | null;
  readonly consentWithdrawnOn: string | null;
  readonly available: boolean;
  readonly conflictsDeclared: string | null;
}

export interface NewPanelMember {
  readonly name: string;
  readonly addressLines: string;
  readonly postcode: string | null;
  readonly consentGivenOn: string | null;
  readonly conflictsDeclared: string | null;
}

const FIELDS = `id name addressLines postcode consentGivenOn consentWithdrawnOn available conflictsDeclared`;

export const PANEL_QUERY = `query ReviewPanel { reviewPanelMembers { ${FIELDS} } }`;

export const ADD_MEMBER = `mutation AddReviewPanelMember($input: ReviewPanelMemberInput!) {
  addReviewPanelMember(input: $input) { ${FIELDS} }
}`;

export const UPDATE_MEMBER = `mutation UpdateReviewPanelMember($id: ID!, $changes: ReviewPanelMemberChanges!) {
  updateReviewPanelMember(id: $id, changes: $changes) { ${FIELDS} }
}`;

export async function loadPanel(): Promise<readonly PanelMember[]> {
  const data = await graphqlRequest<{ reviewPanelMembers: PanelMember[] }>(PANEL_QUERY, {});
  return data.reviewPanelMembers;
}

export async function addMember(input: NewPanelMember): Promise<PanelMember> {
  const data = await graphqlRequest<{ addReviewPanelMember: PanelMember }>(ADD_MEMBER, { input });
  return data.addReviewPanelMember;
}

export async function withdrawConsent(id: string, on: string): Promise<PanelMember> {
  const data = await graphqlRequest<{ updateReviewPanelMember: PanelMember }>(UPDATE_MEMBER, {
    id,
    changes: { consentWithdrawnOn: on },
  });
  return data.updateReviewPanelMember;
}
