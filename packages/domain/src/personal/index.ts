export {
  ANONYMISED,
  ANONYMISED_NAME,
  PERSONAL_FIELDS,
  redactComplainant,
} from './personal-fields.js';
export {
  anonymisedPart,
  joinPersonal,
  splitPersonal,
  type PersonalPart,
  type SplitEvent,
} from './split-personal.js';
export {
  anonymisationRefusal,
  DEFAULT_RETENTION_YEARS,
  retentionCutoff,
  startOfLondonDay,
  yearsBefore,
} from './retention.js';
export { anonymiseLetter } from './anonymise-letter.js';
