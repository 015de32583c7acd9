/** Roles by the API's Role names, each with what it may do, as the API describes them. */
export const ROLE_CHOICES: { id: string; name: string; help: string }[] = [
  {
    id: 'ADMIN',
    name: 'Administrator',
    help: 'Everything, including users, teams, API keys and policies.',
  },
  { id: 'MANAGER', name: 'Manager', help: 'Every case and every step; assigns and reassigns.' },
  {
    id: 'HANDLER',
    name: 'Case handler',
    help: 'Cases assigned to them or their teams, and the unassigned queue.',
  },
  {
    id: 'ANALYST',
    name: 'Analyst',
    help: 'Measures and exports; complaints without personal data.',
  },
];

export function roleLabel(role: unknown): string {
  return ROLE_CHOICES.find((choice) => choice.id === role)?.name ?? 'No role';
}
