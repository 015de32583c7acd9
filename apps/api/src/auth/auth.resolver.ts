import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import type { SignedIn } from './auth.service.js';
import { UnauthenticatedError } from '../errors/app-errors.js';
import { toUserType } from '../users/user.mapper.js';
import { UserType } from '../users/user.type.js';
import { RequirePermission } from './permission.decorator.js';
import { userPrincipal } from './principal.js';
import { clearedRefreshCookie, refreshCookie } from './refresh-cookie.js';
import { SignInPayloadType } from './sign-in.type.js';

const NO_HTTP = { address: null, userAgent: null };

/** Signing in and out, and the signed-in user's own account. */
@Resolver()
export class AuthResolver {
  @Mutation(() => SignInPayloadType, {
    description:
      'Signs in with an email address and password. Answers an access token; sets the refresh token as an HttpOnly cookie.',
  })
  async signIn(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: AppContext,
  ): Promise<SignInPayloadType> {
    const signedIn = await ctx.services.auth.signIn(email, password, ctx.http?.meta ?? NO_HTTP);
    return answer(signedIn, ctx);
  }

  @Mutation(() => SignInPayloadType, {
    description:
      'A new access token for the session whose refresh cookie the request carries. The refresh token is rotated: each works once.',
  })
  async refreshSession(@Ctx() ctx: AppContext): Promise<SignInPayloadType> {
    const token = ctx.http?.refreshToken;
    if (token === undefined) {
      throw new UnauthenticatedError('There is no session to refresh: sign in.');
    }
    try {
      return answer(await ctx.services.auth.refresh(token, ctx.http?.meta ?? NO_HTTP), ctx);
    } catch (error) {
      ctx.http?.setCookie(clearedRefreshCookie());
      throw error;
    }
  }

  @RequirePermission('self')
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async signOut(@Ctx() ctx: AppContext): Promise<boolean> {
    await ctx.services.auth.signOut(
      ctx.principal,
      ctx.http?.refreshToken,
      ctx.http?.meta ?? NO_HTTP,
    );
    ctx.http?.setCookie(clearedRefreshCookie());
    return true;
  }

  @RequirePermission('self')
  @Mutation(() => Int, {
    description: 'Ends every session of yours, on every device; answers how many.',
  })
  async signOutEverywhere(@Ctx() ctx: AppContext): Promise<number> {
    const count = await ctx.services.auth.signOutEverywhere(
      ctx.principal,
      ctx.http?.meta ?? NO_HTTP,
    );
    ctx.http?.setCookie(clearedRefreshCookie());
    return count;
  }

  @RequirePermission('self')
  @Mutation(() => Boolean, {
    description: 'Changes your own password. Your other sessions end; this one goes on.',
  })
  async changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    await ctx.services.users.changeOwnPassword(ctx.principal, currentPassword, newPassword);
    return true;
  }

  @RequirePermission('self')
  @Query(() => UserType, { description: 'Who you are signed in as.' })
  async me(@Ctx() ctx: AppContext): Promise<UserType> {
    return toUserType(await ctx.services.users.me(ctx.principal), ctx.principal);
  }
}

/** A signed-in session as every sign-in answers it (password or identity provider). */
export function answer(signedIn: SignedIn, ctx: AppContext): SignInPayloadType {
  const { http } = ctx;
  const seconds = Math.max(
    0,
    Math.floor((signedIn.sessionExpiresAt.getTime() - ctx.clock.now().getTime()) / 1000),
  );
  http?.setCookie(refreshCookie(signedIn.refreshToken, seconds));
  const payload = new SignInPayloadType();
  payload.accessToken = signedIn.accessToken;
  payload.expiresAt = signedIn.expiresAt.toISOString();
  payload.sessionExpiresAt = signedIn.sessionExpiresAt.toISOString();
  const principal = userPrincipal({ ...signedIn.user, sessionId: '' });
  payload.user = toUserType(signedIn.user, principal);
  return payload;
}
