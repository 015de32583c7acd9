/** What a partner's key may do, by the API's ApiKeyScope names, as the API describes each. */
export const API_KEY_SCOPE_CHOICES: { id: string; name: string }[] = [
  { id: 'COMPLAINTS_READ', name: 'Read the complaints this key logged, with their personal data' },
  { id: 'COMPLAINTS_WRITE', name: 'Log complaints and take steps on the ones this key may read' },
  { id: 'COMPLAINTS_READ_ALL', name: 'Read every complaint, not only the ones this key logged' },
  { id: 'EVENTS_SUBSCRIBE', name: 'Subscribe to the events of the complaints this key may read' },
  { id: 'MEASURES_READ', name: 'Read the Tenant Satisfaction Measures and other figures' },
  { id: 'SURVEYS_WRITE', name: 'Import perception survey responses (TP09)' },
];

export function scopeLabel(scope: unknown): string {
  return API_KEY_SCOPE_CHOICES.find((choice) => choice.id === scope)?.name ?? String(scope);
}
