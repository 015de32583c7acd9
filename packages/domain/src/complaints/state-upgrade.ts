// A state folded by an earlier release lacks the fields added since (a stored snapshot is a
// cache of the fold, written when it was written). This fills each with what folding the same
// events today gives, so a snapshot never needs its events replayed to be read.
import type {
  ActionState,
  ComplaintState,
  Extension,
  OmbudsmanReferral,
  RemedyState,
  StageState,
} from './complaint.types.js';

/** The fields each part of the state gained after the first release, optional. */
type Older<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

type OlderStage = Omit<
  Older<
    StageState,
    | 'acknowledgedBy'
    | 'understanding'
    | 'outcomeSought'
    | 'clarification'
    | 'points'
    | 'assignedUserIds'
  >,
  'extensions'
> & { readonly extensions: readonly Older<Extension, 'notice' | 'fromDueOn' | 'toDueOn'>[] };

type OlderReferral = Older<OmbudsmanReferral, 'ombudsman' | 'determination' | 'orders'>;

type OlderRefusal = Older<
  NonNullable<ComplaintState['refusal']>,
  'at' | 'notice' | 'discretionConsidered'
>;

export type OlderComplaintState = Omit<
  Older<
    ComplaintState,
    | 'additionalComplainants'
    | 'contractor'
    | 'remedies'
    | 'escalationRefusal'
    | 'reopenings'
    | 'mergedInto'
    | 'duplicates'
    | 'satisfaction'
    | 'lessons'
    | 'stage2Review'
  >,
  'stages' | 'actions' | 'ombudsman' | 'refusal'
> & {
  readonly stages: readonly OlderStage[];
  readonly actions: readonly Older<ActionState, 'remedyId' | 'updates'>[];
  readonly ombudsman: readonly OlderReferral[];
  readonly refusal: OlderRefusal | null;
};

/** The state as today's fold would give it, from one folded by any earlier release. */
export function upgradeState(old: OlderComplaintState): ComplaintState {
  const stages: StageState[] = old.stages.map((stage) => ({
    ...stage,
    assignedUserIds: stage.assignedUserIds ?? (stage.handlerId !== null ? [stage.handlerId] : []),
    acknowledgedBy: stage.acknowledgedBy ?? null,
    understanding: stage.understanding ?? null,
    outcomeSought: stage.outcomeSought ?? null,
    clarification: stage.clarification ?? null,
    points: stage.points ?? [],
    extensions: stage.extensions.map((extension) => ({
      ...extension,
      notice: extension.notice ?? null,
      fromDueOn: extension.fromDueOn ?? null,
      toDueOn: extension.toDueOn ?? null,
    })),
    remedies: stage.remedies.map((remedy, index) => ({
      ...remedy,
      id: remedy.id ?? `${stage.stage}.${index + 1}`,
    })),
  }));
  return {
    ...old,
    stages,
    additionalComplainants: old.additionalComplainants ?? [],
    contractor: old.contractor ?? null,
    remedies: old.remedies ?? stages.flatMap(remediesOffered),
    actions: old.actions.map((action) => ({
      ...action,
      remedyId: action.remedyId ?? null,
      updates: action.updates ?? [],
    })),
    ombudsman: old.ombudsman.map((referral) => ({
      ...referral,
      ombudsman: referral.ombudsman ?? 'housing-ombudsman',
      determination: referral.determination ?? null,
      orders: referral.orders ?? [],
    })),
    refusal:
      old.refusal === null
        ? null
        : {
            ...old.refusal,
            at: old.refusal.at ?? old.closedAt ?? old.lastEventAt,
            notice: old.refusal.notice ?? null,
            discretionConsidered: old.refusal.discretionConsidered ?? null,
          },
    escalationRefusal: old.escalationRefusal ?? null,
    reopenings: old.reopenings ?? [],
    mergedInto: old.mergedInto ?? null,
    duplicates: old.duplicates ?? [],
    satisfaction: old.satisfaction ?? null,
    lessons: old.lessons ?? [],
    stage2Review: old.stage2Review ?? null,
  };
}

function remediesOffered(stage: StageState): RemedyState[] {
  if (stage.respondedAt === null) return [];
  const offeredAt = stage.respondedAt;
  return stage.remedies.map((remedy, index) => ({
    id: remedy.id ?? `${stage.stage}.${index + 1}`,
    stage: stage.stage,
    kind: remedy.kind,
    description: remedy.description,
    amountPence: remedy.amountPence ?? null,
    offeredAt,
    answer: null,
    payments: [],
  }));
}
