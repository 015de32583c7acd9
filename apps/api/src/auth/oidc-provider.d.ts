// The little of oidc-provider (a devDependency, used only by oidc.int.test.ts to run a real
// identity provider) that the test calls. It ships no types; @types/oidc-provider would replace
// this file.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface AccountClaims {
    readonly sub: string;
    readonly [claim: string]: unknown;
  }

  export interface Account {
    readonly accountId: string;
    claims(use: string, scope: string): Promise<AccountClaims> | AccountClaims;
  }

  export interface ClientMetadata {
    readonly client_id: string;
    readonly client_secret?: string;
    readonly redirect_uris: readonly string[];
    readonly grant_types?: readonly string[];
    readonly response_types?: readonly string[];
    readonly token_endpoint_auth_method?: string;
    readonly [metadata: string]: unknown;
  }

  export interface Configuration {
    readonly clients?: readonly ClientMetadata[];
    readonly findAccount?: (ctx: unknown, id: string) => Promise<Account | undefined>;
    readonly claims?: Readonly<Record<string, readonly string[]>>;
    readonly scopes?: readonly string[];
    readonly features?: Readonly<Record<string, { readonly enabled: boolean }>>;
    readonly cookies?: { readonly keys: readonly string[] };
    readonly pkce?: { readonly required?: () => boolean };
    readonly [option: string]: unknown;
  }

  export interface InteractionDetails {
    readonly uid: string;
    readonly prompt: { readonly name: string };
    readonly params: Readonly<Record<string, unknown>>;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly Grant: new (properties: { accountId: string; clientId: string }) => Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Readonly<Record<string, unknown>>,
      options?: { readonly mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
