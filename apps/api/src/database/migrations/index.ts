import { InitialSchema1763856000000 } from './1763856000000-initial-schema.js';
import { ComplaintSnapshotPolicyRefs1763942400000 } from './1763942400000-complaint-snapshot-policy-refs.js';
import { SignIn1764115200000 } from './1764115200000-sign-in.js';
import { IdempotencyKeys1764374400000 } from './1764374400000-idempotency-keys.js';

// Listed, not globbed (ESM), in the order they run.
export const MIGRATIONS = [
  InitialSchema1763856000000,
  ComplaintSnapshotPolicyRefs1763942400000,
  SignIn1764115200000,
  IdempotencyKeys1764374400000,
];
