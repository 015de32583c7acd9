import {
  upgradeState,
  type ComplaintState,
  type OlderComplaintState,
  type Policy,
} from '@redress/domain';
import type { PolicyRef, PolicyVersionCache } from '../policies/policy-version.repository.js';

// The read model's `state` column: the domain's snapshot of a case with each stage's policy
// kept as a reference (id and version) rather than a copy. Policy versions are immutable rows of
// the policy table, so the reference names exactly the figures the stage runs under, and a row
// shrinks from about 2 KB to a few hundred bytes. The events keep their full copy: they are the
// audit record, and this snapshot is only a cache of their fold.

export type StageSnapshot = Omit<OlderComplaintState['stages'][number], 'policy'> & {
  /** A reference; a full copy in rows written before the snapshot kept references. */
  readonly policy: PolicyRef | Policy;
};

/** As written by any release: fields added since are filled by the domain's upgradeState. */
export type ComplaintSnapshot = Omit<OlderComplaintState, 'stages'> & {
  readonly stages: readonly StageSnapshot[];
};

export function toSnapshot(state: ComplaintState): ComplaintSnapshot {
  return {
    ...state,
    stages: state.stages.map((stage) => ({
      ...stage,
      policy: { id: stage.policy.id, version: stage.policy.version },
    })),
  };
}

/** The policy versions a snapshot names and does not carry. */
export function* policyRefsOf(snapshot: ComplaintSnapshot): Generator<PolicyRef> {
  for (const stage of snapshot.stages) {
    if (!isFullPolicy(stage.policy)) yield stage.policy;
  }
}

/** The domain's state, each stage given its policy version from the cache (loaded first). */
export function fromSnapshot(
  snapshot: ComplaintSnapshot,
  policies: PolicyVersionCache,
): ComplaintState {
  // Fields added to the state since the snapshot was written are filled by the domain, as
  // folding the same events today would fill them.
  return upgradeState({
    ...snapshot,
    // Snapshots written before sign-in lack these; the migration filled loggedBy from the events.
    loggedBy: snapshot.loggedBy ?? UNKNOWN_LOGGER,
    stages: snapshot.stages.map((stage) => ({
      ...stage,
      handlerId: stage.handlerId ?? null,
      teamId: stage.teamId ?? null,
      respondedBy: stage.respondedBy ?? null,
      policy: isFullPolicy(stage.policy)
        ? stage.policy
        : policies.require(stage.policy.id, stage.policy.version),
    })),
  });
}

const UNKNOWN_LOGGER = Object.freeze({ kind: 'system', id: 'before-sign-in' } as const);

function isFullPolicy(policy: PolicyRef | Policy): policy is Policy {
  return 'stage1' in policy;
}
