import type { FeedbackRecord } from '@redress/domain';
import type { FeedbackType } from './feedback.type.js';

export function toFeedbackType(record: FeedbackRecord): FeedbackType {
  return {
    id: record.id,
    kind: record.kind,
    receivedAt: record.receivedAt,
    recordedAt: record.recordedAt,
    channel: record.channel,
    from: record.from,
    summary: record.summary,
    category: record.category,
    convertedToComplaintId: record.convertedToComplaintId,
    convertedAt: record.convertedAt,
  };
}
