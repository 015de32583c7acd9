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
          teamId: event.teamId ?? null,
        }),
      };

    case 'complaint-acknowledged':
      return {
        ...next,
        status: 'acknowledged',
        stages: updateStage(state, event.stage, { acknowledgedAt: event.at }),
      };

    case 'response-deadline-extended': {
      const stage = stageOf(state, event.stage);
      const extension = {
        at: event.at,
        workingDays: event.workingDays,
        reason: event.reason,
        exceptionalReason: event.exceptionalReason,
      };
      return {
        ...next,
        stages: updateStage(state, event.stage, { extensions: [...stage.extensions, extension] }),
      };
    }

    case 'complaint-responded':
      return {
        ...next,
        status: 'responded',
        stages: updateStage(state, event.stage, {
          respondedAt: event.at,
          respondedBy: event.actor,
          outcome: event.outcome,
          findings: event.findings,
          remedies: event.remedies,
        }),
      };

    case 'escalation-requested': {
      const stage2: StageState = {
        ...emptyStage(2, event.policy, event.at),
        escalationReason: event.reason,
        lateReason: event.lateReason,
      };
      // Keep stage 1 as it was: its handler is what stage 2's independence is checked against.
      return { ...next, status: 'received', stage: 2, stages: [stageOf(state, 1), stage2] };
    }

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
            agreedAt: event.at,
            completedAt: null,
            note: null,
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
        refusal: { reason: event.reason, explanation: event.explanation },
      };

    case 'referred-to-ombudsman':
      return {
        ...next,
        ombudsman: [...state.ombudsman, { reference: event.reference, referredAt: event.at }],
      };

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
    representative: event.representative,
    summary: event.summary,
    desiredOutcome: event.desiredOutcome,
    category: event.category,
    tenure: event.tenure,
    serviceRequestId: event.serviceRequestId,
    // Stage 1 starts at receipt, not at logging: the Code's clock runs from when the complaint
    // reached the landlord, however late it was typed in.
    stages: [emptyStage(1, event.policy, event.receivedAt)],
    actions: [],
    ombudsman: [],
    lastEventAt: event.at,
    closedAt: null,
    closeReason: null,
    withdrawnReason: null,
    refusal: null,
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
    teamId: null,
    acknowledgedAt: null,
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
