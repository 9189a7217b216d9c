import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@glow/contracts';
import { AppException } from '../errors/app.exception';
import { AccessTokenService } from './access-token.service';
import { type Access, ACCESS_KEY, type AuthedRequest, PUBLIC_KEY } from './auth.decorators';

/** Global guard: verifies the bearer token and checks `@Roles` on HTTP routes; routes are closed unless marked. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    // Sockets are authenticated once, at the handshake (the chat gateway's namespace middleware).
    if (ctx.getType() === 'ws') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization;
    if (!header) throw new AppException(ErrorCode.Unauthenticated);
    const match = /^Bearer ([A-Za-z0-9_\-.]{10,2048})$/.exec(header);
    const principal = match ? this.tokens.verify(match[1]) : null;
    if (!principal) throw new AppException(ErrorCode.TokenInvalid);
    req.principal = principal;

    const access = this.reflector.getAllAndOverride<Access[] | undefined>(ACCESS_KEY, targets);
    if (!access) throw new AppException(ErrorCode.Forbidden);
    const who: Access = principal.kind === 'staff' ? principal.role : principal.kind;
    if (access.includes(who)) return true;
    if (principal.kind === 'pre_member' && access.includes('member')) throw new AppException(ErrorCode.NotJoined);
    throw new AppException(ErrorCode.Forbidden);
  }
}
