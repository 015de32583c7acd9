import { InitialSchema1763856000000 } from './1763856000000-initial-schema.js';

// Listed, not globbed (ESM), in the order they run.
export const MIGRATIONS = [InitialSchema1763856000000];
