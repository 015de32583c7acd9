import type { Stage2Reviewer } from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import { BadUserInputError, NotFoundError } from '../errors/app-errors.js';
import type { Services } from '../services.js';
import type { ComplaintRecord } from './complaint.service.js';

/** A reviewer as a caller names them: a user of Redress, or a member of the review panel. */
export interface ReviewerRequest {
  readonly userId?: string | null | undefined;
  readonly panelMemberId?: string | null | undefined;
}

/**
 * Records who reviews stage 2: the staff by user, the residents by their place in the panel.
 * This reads who they are (a user's name; a member's consent, address and declared conflicts)
 * and the domain decides whether each may review the case (Code 6.13, seed 004).
 */
export async function recordStage2Reviewers(
  services: Services,
  by: Principal,
  id: string,
  reviewers: readonly ReviewerRequest[],
  options: { readonly at?: string | undefined; readonly expectedVersion?: number | undefined },
): Promise<ComplaintRecord> {
  reviewers.forEach((reviewer, index) => {
    if ((reviewer.userId == null) === (reviewer.panelMemberId == null)) {
      throw new BadUserInputError(
        'Name each reviewer by userId (a member of staff) or panelMemberId (a resident of the panel), not both.',
        `reviewers[${index}]`,
      );
    }
  });
  const userIds = reviewers.flatMap((r) => (r.userId != null ? [r.userId] : []));
  const memberIds = reviewers.flatMap((r) => (r.panelMemberId != null ? [r.panelMemberId] : []));
  const [users, members] = await Promise.all([
    services.users.getMany(userIds),
    services.reviewPanel.getMany(memberIds),
  ]);
  const command: Stage2Reviewer[] = reviewers.map((reviewer) => {
    if (reviewer.userId != null) {
      const user = users.find((u) => u.id === reviewer.userId);
      if (!user || !user.active) throw new NotFoundError('user', reviewer.userId);
      return { kind: 'staff', userId: user.id, name: user.name };
    }
    const memberId = reviewer.panelMemberId ?? '';
    const member = members.find((m) => m.id === memberId);
    if (!member) throw new NotFoundError('panel-member', memberId);
    return {
      kind: 'panel',
      memberId: member.id,
      name: member.name,
      address: member.addressLines,
      postcode: member.postcode,
      consentGivenOn: member.consentGivenOn,
      consentWithdrawnOn: member.consentWithdrawnOn,
      conflictsDeclared: member.conflictsDeclared,
    };
  });
  return services.complaints.execute(
    id,
    { type: 'record-stage-2-reviewers', reviewers: command },
    {
      by,
      ...(options.at !== undefined ? { at: options.at } : {}),
      ...(options.expectedVersion !== undefined
        ? { expectedVersion: options.expectedVersion }
        : {}),
    },
  );
}
