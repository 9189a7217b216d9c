import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@glow/contracts';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';

export const PUBLIC_KEY = 'glow:public';
export const ACCESS_KEY = 'glow:access';

export type Access = 'pre_member' | 'member' | StaffRole;

/** No token needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Who may call a route: members, pre-members (WeChat users who have not joined) and/or staff roles.
 * A route without `@Public()` or `@Roles()` is refused, so forgetting it fails closed.
 */
export const Roles = (...access: Access[]) => SetMetadata(ACCESS_KEY, access);

export const ALL_STAFF: Access[] = ['advisor', 'store_manager', 'marketer', 'admin'];

export type AuthedRequest = FastifyRequest & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
