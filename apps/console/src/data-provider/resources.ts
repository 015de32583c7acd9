import { complaints } from './complaints.resource';
import { commonFilter, given, pick, type ResourceDescription, type Variables } from './resource';

const USER_FIELDS = 'id name email role active hasPassword teamIds createdAt';
const POLICY_LIST_FIELDS = `id name description division basedOn preset version warningDays
  closures { date title } departures { code clause message }`;
const POLICY_SHOW_FIELDS = `${POLICY_LIST_FIELDS}
  stage1 { acknowledgeDays respondDays maxExtensionDays responseClock }
  stage2 { acknowledgeDays respondDays maxExtensionDays responseClock }
  escalation { reasonsRequired refusedWhen window { length unit } }
  closing { requireActionsComplete autoCloseWhenEscalationWindowLapses autoCloseAfterStage2 { length unit } }
  firstContact { name optional } preliminaryStep { name workingDays }
  independentStage2Handler respondWithoutAcknowledgement refusalReasons readings { field text }`;
const FEEDBACK_FIELDS =
  'id kind channel category from summary receivedAt recordedAt convertedAt convertedToComplaintId';
const API_KEY_FIELDS = 'id name prefix scopes createdAt createdById expiresAt lastUsedAt revokedAt';
const SECURITY_EVENT_FIELDS = 'id kind at actorId actorKind subjectId subjectKind address detail';

/** react-admin's form values with only the keys the input type has (not id, not read-only). */
function inputOf(data: Variables, keys: readonly string[]): Variables {
  const out: Variables = {};
  for (const key of keys) if (data[key] !== undefined) out[key] = data[key];
  return out;
}

const feedbackItems: ResourceDescription = {
  resource: 'feedbackItems',
  list: {
    query: 'feedbackItems',
    filterType: 'FeedbackFilter',
    orderType: 'FeedbackOrder',
    sortFields: { receivedAt: 'RECEIVED_AT' },
    defaultSort: { field: 'RECEIVED_AT', direction: 'DESC' },
  },
  one: 'feedback',
  listFields: FEEDBACK_FIELDS,
  showFields: FEEDBACK_FIELDS,
  filter: (values) => ({ ...pick(values, ['ids', 'kind']) }),
  create: {
    field: 'recordFeedback',
    variables: '$input: RecordFeedbackInput!',
    args: 'input: $input',
    toVariables: (data) => ({
      input: inputOf(data, ['kind', 'channel', 'category', 'from', 'summary', 'receivedAt']),
    }),
  },
};

const policies: ResourceDescription = {
  resource: 'policies',
  list: {
    query: 'policiesPage',
    filterType: 'PolicyFilter',
    orderType: 'PolicyOrder',
    sortFields: { name: 'NAME', id: 'ID' },
    defaultSort: { field: 'NAME', direction: 'ASC' },
  },
  one: 'policy',
  listFields: POLICY_LIST_FIELDS,
  showFields: POLICY_SHOW_FIELDS,
  filter: commonFilter,
  create: {
    field: 'createPolicy',
    variables: '$input: CreatePolicyInput!',
    args: 'input: $input',
    toVariables: (data) => ({
      input: inputOf(data, [
        'basedOn',
        'name',
        'id',
        'description',
        'division',
        'warningDays',
        'closures',
        'stage1',
        'stage2',
        'escalation',
        'closing',
        'firstContact',
        'preliminaryStep',
        'independentStage2Handler',
        'respondWithoutAcknowledgement',
        'refusalReasons',
        'readings',
      ]),
    }),
  },
};

const users: ResourceDescription = {
  resource: 'users',
  list: {
    query: 'usersPage',
    filterType: 'UserFilter',
    orderType: 'UserOrder',
    sortFields: { name: 'NAME', email: 'EMAIL', createdAt: 'CREATED_AT' },
    defaultSort: { field: 'NAME', direction: 'ASC' },
  },
  one: 'user',
  listFields: USER_FIELDS,
  showFields: USER_FIELDS,
  filter: (values: Variables) => {
    const out = { ...commonFilter(values), ...pick(values, ['role']) };
    if (given(values.active)) out.active = values.active === true || values.active === 'true';
    return out;
  },
  create: {
    field: 'createUser',
    variables: '$input: CreateUserInput!',
    args: 'input: $input',
    toVariables: (data) => ({
      input: inputOf(data, ['email', 'name', 'password', 'role', 'teamIds']),
    }),
  },
  update: {
    field: 'updateUser',
    variables: '$id: ID!, $input: UpdateUserInput!',
    args: 'id: $id, input: $input',
    toVariables: (data, id) => ({ id, input: inputOf(data, ['name', 'role', 'teamIds']) }),
  },
};

const teams: ResourceDescription = {
  resource: 'teams',
  list: {
    query: 'teamsPage',
    filterType: 'TeamFilter',
    orderType: 'TeamOrder',
    sortFields: { name: 'NAME', createdAt: 'CREATED_AT' },
    defaultSort: { field: 'NAME', direction: 'ASC' },
  },
  listFields: 'id name',
  showFields: 'id name',
  filter: commonFilter,
  create: {
    field: 'createTeam',
    variables: '$name: String!',
    args: 'name: $name',
    toVariables: (data) => ({ name: data.name }),
  },
};

const apiKeys: ResourceDescription = {
  resource: 'apiKeys',
  list: {
    query: 'apiKeysPage',
    filterType: 'ApiKeyFilter',
    orderType: 'ApiKeyOrder',
    sortFields: { createdAt: 'CREATED_AT', name: 'NAME' },
    defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
  },
  listFields: API_KEY_FIELDS,
  showFields: API_KEY_FIELDS,
  filter: (values: Variables) => {
    const out = commonFilter(values);
    delete out.text;
    if (given(values.revoked)) out.revoked = values.revoked === true || values.revoked === 'true';
    return out;
  },
};

const auditLog: ResourceDescription = {
  resource: 'auditLog',
  list: {
    query: 'auditLogPage',
    filterType: 'AuditLogPageFilter',
    orderType: 'AuditLogOrder',
    sortFields: { at: 'AT' },
    defaultSort: { field: 'AT', direction: 'DESC' },
  },
  listFields: SECURITY_EVENT_FIELDS,
  showFields: SECURITY_EVENT_FIELDS,
  filter: (values: Variables) => {
    const out: Variables = { ...pick(values, ['ids', 'involving', 'from', 'to']) };
    if (given(values.kinds)) out.kinds = values.kinds;
    else if (given(values.kind)) out.kinds = [values.kind];
    return out;
  },
};

/** Every resource the console registers, by react-admin's name for it. */
export const RESOURCES: Readonly<Record<string, ResourceDescription>> = Object.fromEntries(
  [complaints, feedbackItems, policies, users, teams, apiKeys, auditLog].map((r) => [
    r.resource,
    r,
  ]),
);
