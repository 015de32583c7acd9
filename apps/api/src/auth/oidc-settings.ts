import type { Role } from '@redress/domain';

/** How Redress signs people in through the landlord's own identity provider (OpenID Connect). */
export interface OidcSettings {
  /** The provider's issuer; its discovery document is read from here. */
  readonly issuer: string;
  readonly clientId: string;
  /** Absent for a public client (PKCE alone). */
  readonly clientSecret?: string | undefined;
  /** The console's callback page, registered with the provider. */
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /**
   * The claim that lists the user's groups. When set with `roleGroups`, the provider decides
   * roles: each sign-in sets the role from the groups.
   */
  readonly groupsClaim?: string | undefined;
  /** Group name to role; a user in several mapped groups gets the strongest role. */
  readonly roleGroups: ReadonlyMap<string, Role>;
  /** Plain-http discovery and token requests: for a provider on this machine in tests only. */
  readonly allowInsecureRequests?: boolean;
}
