import type {
  ComplaintEvent,
  ComplaintLogged,
  ComplaintState,
  StageNumber,
  StageState,
} from './complaint.types.js';

/**
 * Folds one event into a case. Pure and total over well-formed histories: the events come from
 * `decide`, so an event that cannot apply (a second log, a step on a case that was never logged)
 * means the stored history is corrupt, and that is thrown rather than silently skipped.
 */
export function evolve(state: ComplaintState | null, event: ComplaintEvent): ComplaintState {
  if (event.type === 'complaint-logged') {
    if (state !== null) {
      throw new Error(`Complaint ${state.id} is already logged; a history holds one log event.`);
    }
    return logged(event);
  }
  if (state === null) {
    throw new Error(`A "${event.type}" event needs a logged complaint before it.`);
  }

  const next = { ...state, version: state.version + 1, lastEventAt: event.at };

  switch (event.type) {
    case 'complaint-assigned':
      return {
        ...next,
        stages: updateStage(state, event.stage, {
          handler: event.handler,
          handlerId: event.handlerId ?? null,
          assignedUserIds: assignedUserIds(stageOf(state, event.stage), event.handlerId),
          teamId: event.teamId ?? null,
        }),
      };

    case 'complaint-acknowledged':
      return {
        ...next,
        status: 'acknowledged',
        stages: updateStage(state, event.stage, {
          acknowledgedAt: event.at,
          acknowledgedBy: event.actor,
          understanding: event.understanding ?? null,
          outcomeSought: event.outcomeSought ?? null,
          clarification: event.clarification ?? null,
        }),
      };

    case 'response-deadline-extended': {
      const stage = stageOf(state, event.stage);
      const extension = {
        at: event.at,
        workingDays: event.workingDays,
        reason: event.reason,
        exceptionalReason: event.exceptionalReason,
        notice: event.notice ?? null,
        fromDueOn: event.fromDueOn ?? null,
        toDueOn: event.toDueOn ?? null,
      };
      return {
        ...next,
        stages: updateStage(state, event.stage, { extensions: [...stage.extensions, extension] }),
      };
    }

    case 'complaint-responded': {
      // Events from before remedies had ids number them as decide now does.
      const remedies = event.remedies.map((remedy, index) => ({
        ...remedy,
        id: remedy.id ?? `${event.stage}.${index + 1}`,
      }));
      return {
        ...next,
        status: 'responded',
        remedies: [
          ...state.remedies,
          ...remedies.map((remedy) => ({
            id: remedy.id,
            stage: event.stage,
            kind: remedy.kind,
            description: remedy.description,
            amountPence: remedy.amountPence ?? null,
            offeredAt: event.at,
            answer: null,
            payments: [],
          })),
        ],
        stages: updateStage(state, event.stage, {
          respondedAt: event.at,
          respondedBy: event.actor,
          outcome: event.outcome,
          findings: event.findings,
          remedies,
        }),
      };
    }

    case 'escalation-requested': {
      const stage2: StageState = {
        ...emptyStage(2, event.policy, event.at),
        escalationReason: event.reason,
        lateReason: event.lateReason,
      };
      // Keep stage 1 as it was: its handler is what stage 2's independence is checked against.
      // A request after closing re-opens the case at stage 2 (Code 6.10).
      return {
        ...next,
        status: 'received',
        stage: 2,
        stages: [stageOf(state, 1), stage2],
        closedAt: null,
        closeReason: null,
      };
    }

    case 'escalation-refused':
      return {
        ...next,
        status: 'closed',
        closedAt: event.at,
        closeReason: 'escalation-refused',
        escalationRefusal: {
          reason: event.reason,
          explanation: event.explanation,
          at: event.at,
          notice: event.notice,
        },
      };

    case 'action-agreed':
      return {
        ...next,
        actions: [
          ...state.actions,
          {
            id: event.actionId,
            stage: event.stage,
            description: event.description,
            owner: event.owner,
            dueOn: event.dueOn,
            remedy: event.remedy,
            remedyId: event.remedyId ?? null,
            agreedAt: event.at,
            completedAt: null,
            note: null,
            updates: [],
          },
        ],
      };

    case 'action-completed':
      return {
        ...next,
        actions: state.actions.map((action) =>
          action.id === event.actionId
            ? { ...action, completedAt: event.at, note: event.note }
            : action,
        ),
      };

    case 'action-update-given':
      return {
        ...next,
        actions: state.actions.map((action) =>
          action.id === event.actionId
            ? {
                ...action,
                updates: [
                  ...action.updates,
                  { at: event.at, update: event.update, method: event.method },
                ],
              }
            : action,
        ),
      };

    case 'remedy-answered':
      return {
        ...next,
        remedies: state.remedies.map((remedy) =>
          remedy.id === event.remedyId
            ? { ...remedy, answer: { answer: event.answer, at: event.at, note: event.note } }
            : remedy,
        ),
      };

    case 'remedy-paid':
      return {
        ...next,
        remedies: state.remedies.map((remedy) =>
          remedy.id === event.remedyId
            ? {
                ...remedy,
                payments: [
                  ...remedy.payments,
                  { amountPence: event.amountPence, paidOn: event.paidOn, at: event.at },
                ],
              }
            : remedy,
        ),
      };

    case 'complaint-reopened':
      return {
        ...next,
        status: statusWithin(currentStageOf(state)),
        closedAt: null,
        closeReason: null,
        withdrawnReason: null,
        refusal: null,
        reopenings: [...state.reopenings, { at: event.at, reason: event.reason }],
      };

    case 'point-added':
      return {
        ...next,
        stages: updateStage(state, event.stage, {
          points: [...stageOf(state, event.stage).points, { point: event.point, at: event.at }],
        }),
      };

    case 'complainant-added':
      return {
        ...next,
        additionalComplainants: [...state.additionalComplainants, event.complainant],
      };

    case 'contractor-recorded':
      return { ...next, contractor: event.contractor };

    case 'merged-into':
      return {
        ...next,
        status: 'merged',
        closedAt: event.at,
        mergedInto: { id: event.intoComplaintId, reference: event.intoReference },
      };

    case 'duplicate-absorbed':
      return {
        ...next,
        duplicates: [
          ...state.duplicates,
          { id: event.duplicateId, reference: event.duplicateReference, at: event.at },
        ],
      };

    case 'determination-recorded':
      return {
        ...next,
        ombudsman: state.ombudsman.map((referral) =>
          referral.reference === event.reference
            ? {
                ...referral,
                determination: {
                  determinedOn: event.determinedOn,
                  findings: event.findings,
                  summary: event.summary,
                  recordedAt: event.at,
                },
                orders: event.orders.map((order) => ({
                  id: order.orderId,
                  kind: order.kind,
                  description: order.description,
                  dueOn: order.dueOn,
                  compliedOn: null,
                  note: null,
                })),
              }
            : referral,
        ),
      };

    case 'order-complied':
      return {
        ...next,
        ombudsman: state.ombudsman.map((referral) =>
          referral.reference === event.reference
            ? {
                ...referral,
                orders: referral.orders.map((order) =>
                  order.id === event.orderId
                    ? { ...order, compliedOn: event.compliedOn, note: event.note }
                    : order,
                ),
              }
            : referral,
        ),
      };

    case 'complaint-closed':
      return { ...next, status: 'closed', closedAt: event.at, closeReason: event.reason };

    // `closedAt` is when the case ended, however it ended, so lists can sort and filter on one
    // field; `closeReason` stays for closing proper.
    case 'complaint-withdrawn':
      return { ...next, status: 'withdrawn', closedAt: event.at, withdrawnReason: event.reason };

    case 'complaint-refused':
      return {
        ...next,
        status: 'refused',
        closedAt: event.at,
        refusal: {
          reason: event.reason,
          explanation: event.explanation,
          at: event.at,
          notice: event.notice ?? null,
          discretionConsidered: event.discretionConsidered ?? null,
        },
      };

    case 'referred-to-ombudsman':
      return {
        ...next,
        ombudsman: [
          ...state.ombudsman,
          {
            reference: event.reference,
            ombudsman: event.ombudsman ?? 'housing-ombudsman',
            referredAt: event.at,
            determination: null,
            orders: [],
          },
        ],
      };

    case 'satisfaction-recorded':
      return {
        ...next,
        satisfaction: { score: event.score, comment: event.comment, at: event.at },
      };

    case 'lesson-recorded':
      return { ...next, lessons: [...state.lessons, { lesson: event.lesson, at: event.at }] };

    case 'stage-2-reviewers-recorded':
      return { ...next, stage2Review: { reviewers: event.reviewers, at: event.at } };

    default:
      return unhandled(event);
  }
}

/** The state a history leaves, or null for an empty history. */
export function replay(events: readonly ComplaintEvent[]): ComplaintState | null {
  return events.reduce<ComplaintState | null>(evolve, null);
}

function logged(event: ComplaintLogged): ComplaintState {
  return {
    id: event.complaintId,
    reference: event.reference,
    version: 1,
    status: 'received',
    stage: 1,
    receivedAt: event.receivedAt,
    loggedBy: event.actor,
    channel: event.channel,
    complainant: event.complainant,
    additionalComplainants: event.additionalComplainants ?? [],
    representative: event.representative,
    summary: event.summary,
    desiredOutcome: event.desiredOutcome,
    category: event.category,
    tenure: event.tenure,
    serviceRequestId: event.serviceRequestId,
    contractor: event.contractor ?? null,
    // Stage 1 starts at receipt, not at logging: the Code's clock runs from when the complaint
    // reached the landlord, however late it was typed in.
    stages: [emptyStage(1, event.policy, event.receivedAt)],
    actions: [],
    remedies: [],
    ombudsman: [],
    lastEventAt: event.at,
    closedAt: null,
    closeReason: null,
    withdrawnReason: null,
    refusal: null,
    escalationRefusal: null,
    reopenings: [],
    mergedInto: null,
    duplicates: [],
    satisfaction: null,
    lessons: [],
    stage2Review: null,
  };
}

function emptyStage(
  stage: StageNumber,
  policy: StageState['policy'],
  startedAt: string,
): StageState {
  return {
    stage,
    policy,
    startedAt,
    handler: null,
    handlerId: null,
    assignedUserIds: [],
    teamId: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    understanding: null,
    outcomeSought: null,
    clarification: null,
    points: [],
    extensions: [],
    respondedAt: null,
    respondedBy: null,
    outcome: null,
    findings: null,
    remedies: [],
    escalationReason: null,
    lateReason: null,
  };
}

function stageOf(state: ComplaintState, stage: StageNumber): StageState {
  const found = state.stages[stage - 1];
  if (!found) {
    throw new Error(`Complaint ${state.id} has no stage ${stage}; the history is out of order.`);
  }
  return found;
}

function assignedUserIds(stage: StageState, handlerId: string | null | undefined): string[] {
  const ids = [...stage.assignedUserIds];
  if (handlerId != null && !ids.includes(handlerId)) ids.push(handlerId);
  return ids;
}

function currentStageOf(state: ComplaintState): StageState {
  return stageOf(state, state.stage);
}

/** Where an open stage stands: what re-opening a case returns it to. */
function statusWithin(stage: StageState): ComplaintState['status'] {
  if (stage.respondedAt !== null) return 'responded';
  if (stage.acknowledgedAt !== null) return 'acknowledged';
  return 'received';
}

function updateStage(
  state: ComplaintState,
  stage: StageNumber,
  changes: Partial<StageState>,
): readonly StageState[] {
  const current = stageOf(state, stage);
  return state.stages.map((s) => (s === current ? { ...current, ...changes } : s));
}

function unhandled(event: never): never {
  throw new Error(`Unknown complaint event: ${JSON.stringify(event)}`);
}
