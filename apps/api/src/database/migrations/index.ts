import { InitialSchema1763856000000 } from './1763856000000-initial-schema.js';
import { ComplaintSnapshotPolicyRefs1763942400000 } from './1763942400000-complaint-snapshot-policy-refs.js';
import { SignIn1764115200000 } from './1764115200000-sign-in.js';
import { OidcSignIn1764201600000 } from './1764201600000-oidc-sign-in.js';
import { RateLimits1764288000000 } from './1764288000000-rate-limits.js';
import { IdempotencyKeys1764374400000 } from './1764374400000-idempotency-keys.js';
import { MergedComplaints1764460800000 } from './1764460800000-merged-complaints.js';
import { DeadlineStoppedAt1764547200000 } from './1764547200000-deadline-stopped-at.js';
import { ListOrderings1764633600000 } from './1764633600000-list-orderings.js';
import { DeadlineReadModel1764720000000 } from './1764720000000-deadline-read-model.js';
import { MeasuresReadModel1764806400000 } from './1764806400000-measures-read-model.js';
import { MeasuresInputs1764892800000 } from './1764892800000-measures-inputs.js';
import { Letters1764979200000 } from './1764979200000-letters.js';
import { ReviewPanel1765238400000 } from './1765238400000-review-panel.js';
import { Attachments1765152000000 } from './1765152000000-attachments.js';
import { CaseNotes1765065600000 } from './1765065600000-case-notes.js';
import { PersonalData1765411200000 } from './1765411200000-personal-data.js';

// Listed, not globbed (ESM), in the order they run.
export const MIGRATIONS = [
  InitialSchema1763856000000,
  ComplaintSnapshotPolicyRefs1763942400000,
  SignIn1764115200000,
  OidcSignIn1764201600000,
  RateLimits1764288000000,
  IdempotencyKeys1764374400000,
  MergedComplaints1764460800000,
  DeadlineStoppedAt1764547200000,
  ListOrderings1764633600000,
  DeadlineReadModel1764720000000,
  MeasuresReadModel1764806400000,
  MeasuresInputs1764892800000,
  Letters1764979200000,
  CaseNotes1765065600000,
  Attachments1765152000000,
  ReviewPanel1765238400000,
  PersonalData1765411200000,
];
