import { ReviewPanelMemberEntity } from '../review-panel/review-panel-member.entity.js';
import { AttachmentEntity } from '../attachments/attachment.entity.js';
import { ApiKeyEntity } from '../api-keys/api-key.entity.js';
import { SecurityLogEntity } from '../audit/security-log.entity.js';
import { RefreshTokenEntity, SessionEntity } from '../auth/session.entity.js';
import { SigningKeyEntity } from '../auth/signing-key.entity.js';
import { OidcSignInEntity } from '../auth/oidc-sign-in.entity.js';
import { ComplaintEventEntity } from '../complaints/complaint-event.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';
import { ComplaintActionMeasureEntity } from '../complaints/complaint-action-measure.entity.js';
import { DeadlineAlertEntity } from '../complaints/deadline-alert.entity.js';
import { DeadlineEntity } from '../complaints/deadline.entity.js';
import { FeedbackEntity } from '../feedback/feedback.entity.js';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity.js';
import { PolicyEntity } from '../policies/policy.entity.js';
import { TeamEntity } from '../users/team.entity.js';
import { UserEntity, UserTeamEntity } from '../users/user.entity.js';
import { HomesEntity } from '../metrics/homes.entity.js';
import { ImprovementEntity } from '../metrics/improvement.entity.js';
import { LetterEntity, LetterTemplateEntity } from '../letters/letter.entity.js';
import { SurveyResponseEntity } from '../metrics/survey-response.entity.js';
import { CaseNoteEntity } from '../notes/case-note.entity.js';

// Listed, not globbed: globs load files through require(), which ESM builds do not support.
export const ENTITIES = [
  ComplaintEventEntity,
  ComplaintEntity,
  DeadlineEntity,
  DeadlineAlertEntity,
  ComplaintActionMeasureEntity,
  PolicyEntity,
  FeedbackEntity,
  UserEntity,
  UserTeamEntity,
  TeamEntity,
  SessionEntity,
  RefreshTokenEntity,
  SigningKeyEntity,
  ApiKeyEntity,
  SecurityLogEntity,
  OidcSignInEntity,
  IdempotencyKeyEntity,
  HomesEntity,
  SurveyResponseEntity,
  ImprovementEntity,
  LetterEntity,
  LetterTemplateEntity,
  ReviewPanelMemberEntity,
  AttachmentEntity,
  CaseNoteEntity,
];
