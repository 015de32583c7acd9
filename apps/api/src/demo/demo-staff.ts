import type { Role } from '@redress/domain';
import { systemPrincipal } from '../auth/principal.js';
import type { Services } from '../services.js';

/** The demo's case handlers, by team: the names its complaints are assigned to. */
export const DEMO_TEAMS: Readonly<Record<string, readonly string[]>> = {
  'Repairs complaints': ['Hannah Jones', 'Mohammed Patel', 'Sade Okafor', 'Rhian Evans'],
  'Neighbourhoods and tenancy': ['Kieran Byrne', 'Lucy Thompson', 'Anna Nowak', 'Deepak Singh'],
};

/** One person per other role, to sign in as and see what each may do. */
export const DEMO_PEOPLE: ReadonlyArray<{ name: string; email: string; role: Role }> = [
  { name: 'Grace Adeyemi', email: 'manager@demo.redress.localhost', role: 'MANAGER' },
  { name: 'Hannah Jones', email: 'handler@demo.redress.localhost', role: 'HANDLER' },
  { name: 'Owen Price', email: 'analyst@demo.redress.localhost', role: 'ANALYST' },
];

export interface DemoStaffMember {
  readonly id: string;
  readonly name: string;
  /** The team the handler's cases are held by. */
  readonly teamId: string;
}

const DEMO = systemPrincipal('demo-data', 'Demo data');

function emailOf(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.redress.localhost`;
}

/**
 * The demo's staff as users, made when missing: the handlers in their teams (one of them the
 * demo's HANDLER sign-in), a manager and an analyst. Returns the handlers by name, for the
 * demo complaints' assignments. With a password, every demo user can sign in with it.
 */
export async function ensureDemoStaff(
  services: Services,
  password?: string,
): Promise<ReadonlyMap<string, DemoStaffMember>> {
  const byName = new Map<string, DemoStaffMember>();
  const named = new Map(DEMO_PEOPLE.map((person) => [person.name, person]));
  for (const [teamName, members] of Object.entries(DEMO_TEAMS)) {
    const team =
      (await services.users.listTeams(DEMO)).find((t) => t.name === teamName) ??
      (await services.users.createTeamUnchecked(DEMO, teamName));
    for (const name of members) {
      const email = named.get(name)?.email ?? emailOf(name);
      const user =
        (await services.users.findByEmail(email)) ??
        (await services.users.createUnchecked(DEMO, {
          email,
          name,
          role: 'HANDLER',
          password,
          teamIds: [team.id],
        }));
      byName.set(name, { id: user.id, name, teamId: team.id });
    }
  }
  for (const person of DEMO_PEOPLE) {
    if (byName.has(person.name)) continue;
    if (!(await services.users.findByEmail(person.email))) {
      await services.users.createUnchecked(DEMO, { ...person, password });
    }
  }
  return byName;
}
