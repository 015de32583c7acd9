import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { answer as signInAnswer } from './auth.resolver.js';
import { clearedOidcCookie, oidcBindingFromCookies, oidcCookie } from './oidc-cookie.js';
import { OIDC_SIGN_IN_SECONDS, oidcNotConfigured } from './oidc.service.js';
import { OidcSignInStartType } from './oidc.type.js';
import { SignInPayloadType } from './sign-in.type.js';

const NO_HTTP = { address: null, userAgent: null };

/** Signing in through the landlord's identity provider (OpenID Connect). */
@Resolver()
export class OidcResolver {
  @Query(() => Boolean, {
    description:
      'Whether sign-in through your identity provider is set up here: the console offers "Sign in with your organisation" when it is.',
  })
  oidcSignInAvailable(@Ctx() ctx: AppContext): boolean {
    return ctx.services.oidc !== undefined && ctx.services.oidc !== null;
  }

  @Mutation(() => OidcSignInStartType, {
    description:
      'Begins a sign-in through your identity provider: answers the URL to send the browser to, and sets a cookie that ties the sign-in to this browser.',
  })
  async startOidcSignIn(@Ctx() ctx: AppContext): Promise<OidcSignInStartType> {
    const oidc = ctx.services.oidc;
    if (!oidc) throw oidcNotConfigured();
    const started = await oidc.begin();
    ctx.http?.setCookie(oidcCookie(started.binding, OIDC_SIGN_IN_SECONDS));
    const payload = new OidcSignInStartType();
    payload.url = started.url;
    payload.expiresAt = started.expiresAt.toISOString();
    return payload;
  }

  @Mutation(() => SignInPayloadType, {
    description:
      'Completes a sign-in through your identity provider with the `code`, `state` (and `iss`, when sent) from its redirect to the console. Answers like signIn. Each state works once.',
  })
  async completeOidcSignIn(
    @Arg('state') state: string,
    @Arg('code') code: string,
    @Arg('iss', () => String, { nullable: true }) iss: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<SignInPayloadType> {
    const oidc = ctx.services.oidc;
    if (!oidc) throw oidcNotConfigured();
    // Used or refused, the begun sign-in is gone: its cookie goes with it.
    ctx.http?.setCookie(clearedOidcCookie());
    const signedIn = await oidc.complete(
      { state, code, iss: iss ?? undefined },
      oidcBindingFromCookies(ctx.http?.cookieHeader),
      ctx.http?.meta ?? NO_HTTP,
    );
    return signInAnswer(signedIn, ctx);
  }
}
