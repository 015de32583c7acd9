import type { ComplaintFilterInput, ComplaintOrderInput } from './complaint-filter.input.js';
import type { ComplaintFilter, ComplaintOrder } from './complaint.service.js';

/** Newest first: what a handler opening the list expects. */
export const DEFAULT_COMPLAINT_ORDER: ComplaintOrder = { field: 'receivedAt', direction: 'desc' };

// Only the keys given are passed on: the repository builds its WHERE from the keys present.
export function toComplaintFilter(input: ComplaintFilterInput | null | undefined): ComplaintFilter {
  const filter: { -readonly [K in keyof ComplaintFilter]: ComplaintFilter[K] } = {};
  if (!input) return filter;
  if (input.ids != null) filter.ids = [...input.ids];
  if (input.status?.length) filter.status = [...input.status];
  if (input.stage === 1 || input.stage === 2) filter.stage = input.stage;
  if (typeof input.overdue === 'boolean') filter.overdue = input.overdue;
  if (input.dueBefore) filter.dueBefore = input.dueBefore;
  if (input.category) filter.category = input.category;
  if (input.assignee) filter.assignee = input.assignee;
  if (input.assigneeId) filter.assigneeId = input.assigneeId;
  if (input.tenure) filter.tenure = input.tenure;
  if (input.text?.trim()) filter.text = input.text.trim();
  if (input.receivedFrom) filter.receivedFrom = input.receivedFrom;
  if (input.receivedTo) filter.receivedTo = input.receivedTo;
  return filter;
}

export function toComplaintOrder(input: ComplaintOrderInput | null | undefined): ComplaintOrder {
  return input ? { field: input.field, direction: input.direction } : DEFAULT_COMPLAINT_ORDER;
}
