// The ombudsman's side: a referral (to the Housing Ombudsman, or per seed 003 the Local
// Government and Social Care Ombudsman), its determination with findings, orders and
// recommendations, and the landlord's compliance with each.
import { formatLocalDate, isLocalDate } from '../../calendar/local-date.js';
import { ok } from '../../shared/result.js';
import type {
  ComplaintState,
  DeterminationFinding,
  OmbudsmanOrderInput,
  OmbudsmanReferral,
  RecordDetermination,
  RecordOrderCompliance,
  ReferToOmbudsman,
} from '../complaint.types.js';
import {
  blank,
  dayOf,
  type Decision,
  ID_RULE,
  invalid,
  isId,
  isReference,
  REF_RULE,
  refuse,
  sameText,
  type Step,
  when,
} from '../decision.js';
import { DETERMINATION_FINDINGS, OMBUDSMAN_LABELS, OMBUDSMEN } from '../labels.js';

/** The most orders and recommendations one determination holds. */
export const MAX_ORDERS = 50;

export function decideReferral({ state, context, at }: Step, command: ReferToOmbudsman): Decision {
  const ombudsman = command.ombudsman ?? 'housing-ombudsman';
  if (!OMBUDSMEN.includes(ombudsman)) {
    return invalid('ombudsman', `Choose the ombudsman: one of ${OMBUDSMEN.join(', ')}.`);
  }
  if (!isReference(command.reference)) {
    return invalid(
      'reference',
      `Give the ${OMBUDSMAN_LABELS[ombudsman]}'s case reference. ${REF_RULE}`,
    );
  }
  const reference = command.reference.trim();
  const earlier = state.ombudsman.find((r) => sameText(r.reference, reference));
  if (earlier) {
    return refuse(
      'ALREADY_REFERRED_TO_OMBUDSMAN',
      `Referral ${reference} was recorded on ${when(earlier.referredAt)}. Nothing more to record; a ` +
        'new referral comes with a new reference from the Ombudsman.',
      'reference',
    );
  }
  return ok([{ type: 'referred-to-ombudsman', at, actor: context.actor, reference, ombudsman }]);
}

export function decideDetermination(
  { state, context, at }: Step,
  command: RecordDetermination,
): Decision {
  const referral = referralOf(state, command.reference);
  if (!referral) return unknownReferral(state, command.reference);
  if (referral.determination !== null) {
    return refuse(
      'DETERMINATION_ALREADY_RECORDED',
      `The determination on ${referral.reference} was recorded on ` +
        `${when(referral.determination.recordedAt)}. Record compliance with its orders instead.`,
      'reference',
    );
  }
  if (!isLocalDate(command.determinedOn)) {
    return invalid('determinedOn', 'The date of the determination must be YYYY-MM-DD.');
  }
  const today = dayOf(at);
  if (command.determinedOn > today || command.determinedOn < dayOf(referral.referredAt)) {
    return invalid(
      'determinedOn',
      `Give the determination's date: from the referral (${formatLocalDate(
        dayOf(referral.referredAt),
      )}) to today (${formatLocalDate(today)}).`,
    );
  }
  // Shapes are checked too: a caller outside TypeScript gets a refusal, not a crash.
  const findings: unknown = command.findings ?? [];
  if (
    !Array.isArray(findings) ||
    findings.length === 0 ||
    findings.some((f: DeterminationFinding) => !DETERMINATION_FINDINGS.includes(f))
  ) {
    return invalid(
      'findings',
      `Record the findings, each one of ${DETERMINATION_FINDINGS.join(', ')}.`,
    );
  }
  if (blank(command.summary)) {
    return invalid('summary', "Summarise the determination in the ombudsman's words.");
  }
  const given: unknown = command.orders ?? [];
  if (!Array.isArray(given) || given.length > MAX_ORDERS) {
    return invalid(
      'orders',
      `List the orders and recommendations, at most ${MAX_ORDERS} in one determination.`,
    );
  }
  const orders = given as readonly OmbudsmanOrderInput[];
  const ids = new Set<string>();
  for (const [index, order] of orders.entries()) {
    const field = `orders[${index}]`;
    if (order == null || typeof order !== 'object') {
      return invalid(field, 'Each order has an id, a kind, a description and a due date.');
    }
    if (!isId(order.orderId)) {
      return invalid(`${field}.orderId`, `${ID_RULE} Give each order an id.`);
    }
    if (ids.has(order.orderId)) {
      return invalid(`${field}.orderId`, `Order ${order.orderId} is listed twice.`);
    }
    ids.add(order.orderId);
    if (order.kind !== 'order' && order.kind !== 'recommendation') {
      return invalid(`${field}.kind`, 'Each is an order or a recommendation.');
    }
    if (blank(order.description)) {
      return invalid(`${field}.description`, 'Describe what the ombudsman ordered or recommended.');
    }
    if (!isLocalDate(order.dueOn) || order.dueOn < command.determinedOn) {
      return invalid(
        `${field}.dueOn`,
        'Give the date it is due, YYYY-MM-DD, on or after the determination.',
      );
    }
  }
  return ok([
    {
      type: 'determination-recorded',
      at,
      actor: context.actor,
      reference: referral.reference,
      determinedOn: command.determinedOn,
      findings: [...new Set(findings as readonly DeterminationFinding[])],
      summary: command.summary,
      orders: orders.map((o) => ({
        orderId: o.orderId,
        kind: o.kind,
        description: o.description,
        dueOn: o.dueOn,
      })),
    },
  ]);
}

export function decideOrderCompliance(
  { state, context, at }: Step,
  command: RecordOrderCompliance,
): Decision {
  const referral = referralOf(state, command.reference);
  if (!referral) return unknownReferral(state, command.reference);
  const determination = referral.determination;
  if (determination === null) {
    return refuse(
      'DETERMINATION_NOT_RECORDED',
      `No determination is recorded on ${referral.reference} yet: record it, with its orders, first.`,
      'reference',
    );
  }
  const order = referral.orders.find((o) => o.id === command.orderId);
  if (!order) {
    return refuse(
      'ORDER_NOT_FOUND',
      `The determination on ${referral.reference} has no order ${shown(command.orderId)}. ` +
        `Its orders: ${referral.orders.map((o) => o.id).join(', ') || 'none'}.`,
      'orderId',
    );
  }
  if (order.compliedOn !== null) {
    return refuse(
      'ORDER_ALREADY_COMPLIED',
      `Order ${order.id} was complied with on ${formatLocalDate(order.compliedOn)}.`,
      'orderId',
    );
  }
  if (
    !isLocalDate(command.compliedOn) ||
    command.compliedOn > dayOf(at) ||
    command.compliedOn < determination.determinedOn
  ) {
    return invalid(
      'compliedOn',
      `Give the day it was complied with, YYYY-MM-DD: from the determination ` +
        `(${formatLocalDate(determination.determinedOn)}) to today.`,
    );
  }
  return ok([
    {
      type: 'order-complied',
      at,
      actor: context.actor,
      reference: referral.reference,
      orderId: order.id,
      compliedOn: command.compliedOn,
      note: blank(command.note) ? null : (command.note ?? null),
    },
  ]);
}

function referralOf(state: ComplaintState, reference: string): OmbudsmanReferral | undefined {
  return typeof reference === 'string'
    ? state.ombudsman.find((r) => sameText(r.reference, reference))
    : undefined;
}

function unknownReferral(state: ComplaintState, reference: unknown): Decision {
  return refuse(
    'REFERRAL_NOT_FOUND',
    `Complaint ${state.reference} has no ombudsman referral ${shown(reference)}. ` +
      (state.ombudsman.length > 0
        ? `Its referrals: ${state.ombudsman.map((r) => r.reference).join(', ')}.`
        : 'Record the referral first.'),
    'reference',
  );
}

// A value as a message quotes it: whatever a caller outside TypeScript sent, never a crash.
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
