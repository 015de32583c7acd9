/** The security log's kinds, by the API's SecurityEventKind names, as a person reads them. */
export const SECURITY_EVENT_KIND_CHOICES: { id: string; name: string }[] = [
  { id: 'SIGN_IN', name: 'Signed in' },
  { id: 'SIGN_IN_FAILED', name: 'Sign-in failed' },
  { id: 'SIGN_OUT', name: 'Signed out' },
  { id: 'SIGN_OUT_EVERYWHERE', name: 'Signed out everywhere' },
  { id: 'SESSION_REFRESHED', name: 'Session refreshed' },
  { id: 'REFRESH_TOKEN_REUSED', name: 'A used refresh token came back' },
  { id: 'PASSWORD_CHANGED', name: 'Password changed' },
  { id: 'PASSWORD_RESET', name: 'Password reset' },
  { id: 'USER_CREATED', name: 'User created' },
  { id: 'USER_CHANGED', name: 'User changed' },
  { id: 'ROLE_CHANGED', name: 'Role changed' },
  { id: 'TEAMS_CHANGED', name: 'Teams changed' },
  { id: 'USER_DEACTIVATED', name: 'User deactivated' },
  { id: 'USER_REACTIVATED', name: 'User reactivated' },
  { id: 'TEAM_CREATED', name: 'Team created' },
  { id: 'API_KEY_CREATED', name: 'API key created' },
  { id: 'API_KEY_FIRST_USED', name: 'API key first used' },
  { id: 'API_KEY_REVOKED', name: 'API key revoked' },
  { id: 'EXPORT', name: 'Export' },
  { id: 'HOMES_CHANGED', name: 'Homes figure changed' },
  { id: 'ATTACHMENT_DOWNLOADED', name: 'Attachment downloaded' },
  { id: 'RESIDENT_ANONYMISED', name: 'Resident anonymised' },
  { id: 'CASE_FILE_EXPORTED', name: 'Case file exported' },
  { id: 'SUBJECT_ACCESS_EXPORTED', name: 'Subject access export' },
];

export function kindLabel(kind: unknown): string {
  return SECURITY_EVENT_KIND_CHOICES.find((choice) => choice.id === kind)?.name ?? String(kind);
}
