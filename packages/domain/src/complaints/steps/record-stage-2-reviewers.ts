// Who reviews stage 2. Seed 004 offers the resident a review by two people, an independent
// manager and an independent resident from a pool the landlord keeps; the Code asks that
// whoever considers stage 2 did not consider stage 1 (6.13). So a reviewer is refused when:
//   - stage 2 is not open (not escalated yet, or already answered): a review informs the answer;
//   - they are staff who considered stage 1 (stage1People: assigned to it, or sent its response),
//     whatever the policy says of the stage 2 handler: a review by a person from stage 1 is no
//     independent review;
//   - they are a panel member who has not consented, or withdrew their consent;
//   - they are a panel member whose home, or a home they declared a connection to, is the case's
//     or a neighbour's (home-address.ts says what that means), or the case holds no address to
//     check them against;
//   - they are listed twice.
// One or more reviewers, of either kind: seed 004 says the resident "will have the option" of
// two, so the pair is the landlord's offer, not a rule of every case.
import { formatLocalDate, isLocalDate } from '../../calendar/local-date.js';
import { ok, type Result } from '../../shared/result.js';
import type { ComplaintRefusal } from '../complaint.refusals.js';
import type {
  ComplaintState,
  PanelReviewer,
  RecordedReviewer,
  RecordStage2Reviewers,
  Stage2Reviewer,
  StaffReviewer,
} from '../complaint.types.js';
import {
  blank,
  dayOf,
  type Decision,
  invalid,
  isId,
  refuse,
  sameText,
  type Step,
} from '../decision.js';
import {
  type Home,
  homeRelation,
  type HomeRelation,
  isComparable,
  parseHome,
} from '../home-address.js';
import { stage1People } from './independence.js';

/** More than this is a committee, not a review panel; it also bounds the event. */
export const MAX_STAGE2_REVIEWERS = 10;
const MAX_NAME = 200;

type Checked = Result<RecordedReviewer, ComplaintRefusal>;

const PLACES: Readonly<Record<HomeRelation, string>> = {
  'same-home': 'the home the complaint is about',
  'same-building': 'in the same building as the home the complaint is about',
  neighbour:
    'a neighbour of the home the complaint is about (next door, across the road, or on the same ' +
    'street and postcode)',
};

export function decideRecordStage2Reviewers(
  { state, at, context, stage }: Step,
  command: RecordStage2Reviewers,
): Decision {
  if (stage.stage !== 2 || stage.respondedAt !== null) {
    return refuse(
      'STAGE2_REVIEW_NOT_OPEN',
      stage.stage !== 2
        ? `Complaint ${state.reference} is at stage 1. Reviewers are recorded for stage 2, once ` +
            'the resident has asked for it.'
        : `Stage 2 of complaint ${state.reference} was answered; its reviewers were to be ` +
            'recorded before the response. Record the review with the response instead.',
    );
  }
  const reviewers: unknown = command.reviewers;
  if (!Array.isArray(reviewers) || reviewers.length === 0) {
    return invalid('reviewers', 'Name at least one reviewer: a member of staff or of the panel.');
  }
  if (reviewers.length > MAX_STAGE2_REVIEWERS) {
    return invalid('reviewers', `Name at most ${MAX_STAGE2_REVIEWERS} reviewers.`);
  }
  const recorded: RecordedReviewer[] = [];
  const seen = new Set<string>();
  for (const [index, reviewer] of (reviewers as Stage2Reviewer[]).entries()) {
    const field = `reviewers[${index}]`;
    const shape = shapeProblem(reviewer, field);
    if (shape) return shape;
    const key =
      reviewer.kind === 'staff' ? `user:${reviewer.userId}` : `panel:${reviewer.memberId}`;
    if (seen.has(key)) {
      return refuse(
        'REVIEWER_LISTED_TWICE',
        `${reviewer.name.trim()} is listed twice. Name each reviewer once.`,
        field,
      );
    }
    seen.add(key);
    const checked =
      reviewer.kind === 'staff'
        ? staffReviewer(state, reviewer, field)
        : panelReviewer(state, reviewer, field, dayOf(at));
    if (!checked.ok) return checked;
    recorded.push(checked.value);
  }
  return ok([
    { type: 'stage-2-reviewers-recorded', at, actor: context.actor, reviewers: recorded },
  ]);
}

function shapeProblem(reviewer: Stage2Reviewer, field: string): Decision | null {
  if (reviewer === null || typeof reviewer !== 'object') {
    return invalid(field, 'Each reviewer is a member of staff or of the panel.');
  }
  if (
    typeof reviewer.name !== 'string' ||
    blank(reviewer.name) ||
    reviewer.name.length > MAX_NAME
  ) {
    return invalid(`${field}.name`, `Give the reviewer's name, at most ${MAX_NAME} characters.`);
  }
  if (reviewer.kind === 'staff') {
    return isId(reviewer.userId)
      ? null
      : invalid(`${field}.userId`, 'Name the staff reviewer as a user.');
  }
  if (reviewer.kind !== 'panel') {
    return invalid(`${field}.kind`, 'A reviewer is "staff" or "panel".');
  }
  if (!isId(reviewer.memberId)) {
    return invalid(`${field}.memberId`, 'Name the panel member by their id in the panel.');
  }
  if (typeof reviewer.address !== 'string') {
    return invalid(`${field}.address`, "Give the panel member's address.");
  }
  for (const date of ['consentGivenOn', 'consentWithdrawnOn'] as const) {
    const value = reviewer[date];
    if (value !== null && value !== undefined && !isLocalDate(value)) {
      return invalid(`${field}.${date}`, 'A date is written YYYY-MM-DD.');
    }
  }
  return null;
}

function staffReviewer(state: ComplaintState, reviewer: StaffReviewer, field: string): Checked {
  const { keys, names } = stage1People(state);
  // Histories from before users know stage 1's handler by a typed name only.
  if (!keys.has(`user:${reviewer.userId}`) && !names.some((n) => sameText(n, reviewer.name))) {
    return ok({ kind: 'staff', userId: reviewer.userId, name: reviewer.name.trim() });
  }
  return refuse(
    'REVIEWER_NOT_INDEPENDENT',
    `${reviewer.name.trim()} considered stage 1 of complaint ${state.reference}, so cannot ` +
      'review stage 2: the review is by people who were not involved at stage 1 (Code 6.13). ' +
      'Choose another manager.',
    field,
  );
}

function panelReviewer(
  state: ComplaintState,
  reviewer: PanelReviewer,
  field: string,
  today: string,
): Checked {
  const name = reviewer.name.trim();
  if (reviewer.consentWithdrawnOn != null) {
    return refuse(
      'REVIEWER_WITHOUT_CONSENT',
      `${name} withdrew their consent to review complaints on ` +
        `${formatLocalDate(reviewer.consentWithdrawnOn)}. Choose another panel member.`,
      field,
    );
  }
  const consentGivenOn = reviewer.consentGivenOn;
  if (consentGivenOn == null || consentGivenOn > today) {
    return refuse(
      'REVIEWER_WITHOUT_CONSENT',
      `The panel holds no consent from ${name} to review complaints` +
        (consentGivenOn == null ? '' : ` before ${formatLocalDate(consentGivenOn)}`) +
        '. Record the date they consented in the panel first, or choose another member.',
      field,
    );
  }
  const caseHomes = [state.complainant, ...state.additionalComplainants]
    .map((c) => parseHome(c.address ?? ''))
    .filter(isComparable);
  if (caseHomes.length === 0) {
    return refuse(
      'REVIEWER_CONFLICT_UNCHECKED',
      `Complaint ${state.reference} holds no address for its resident, so Redress cannot check ` +
        `that ${name} does not live there or next door. Choose a member of staff instead.`,
      field,
    );
  }
  // A declared line naming a home (a number on a street) is a home of theirs too.
  const homes: { home: Home; says: string }[] = [
    { home: parseHome(reviewer.address, reviewer.postcode), says: `${name}'s home is` },
    ...(reviewer.conflictsDeclared ?? '')
      .split('\n')
      .map((line) => ({ line: line.trim(), home: parseHome(line) }))
      .filter(({ home }) => home.number !== null && home.street !== null)
      .map(({ line, home }) => ({
        home,
        says: `${name} declared a connection to "${line}", which is`,
      })),
  ];
  for (const { home, says } of homes) {
    for (const caseHome of caseHomes) {
      const relation = homeRelation(home, caseHome);
      if (relation === null) continue;
      return refuse(
        'REVIEWER_CONFLICT_OF_INTEREST',
        `${says} ${PLACES[relation]}, so they cannot review it: nobody reviews a complaint about ` +
          'their own home or a neighbour’s. Choose another panel member.',
        field,
      );
    }
  }
  return ok({ kind: 'panel', memberId: reviewer.memberId, name, consentGivenOn });
}
