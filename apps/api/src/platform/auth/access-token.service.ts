import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import type { AccessClaims, Principal } from './principal';

/** Signs and verifies short-lived access tokens (HS256 JWT). */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  sign(principal: Principal): string {
    const claims: AccessClaims =
      principal.kind === 'staff'
        ? { sub: principal.staffId, knd: 'staff', rol: principal.role, sto: principal.storeId }
        : principal.kind === 'member'
          ? { sub: principal.openid, knd: 'member', mid: principal.memberId }
          : { sub: principal.openid, knd: 'pre_member' };
    return this.jwt.sign(claims, { secret: this.config.jwtSecret, expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
  }

  /** The principal of a valid token, or null for anything expired, forged or malformed. */
  verify(token: string): Principal | null {
    let c: AccessClaims;
    try {
      c = this.jwt.verify<AccessClaims & object>(token, { secret: this.config.jwtSecret, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (c.knd === 'staff' && c.rol) return { kind: 'staff', staffId: c.sub, role: c.rol, storeId: c.sto ?? null };
    if (c.knd === 'member' && c.mid) return { kind: 'member', openid: c.sub, memberId: c.mid };
    if (c.knd === 'pre_member') return { kind: 'pre_member', openid: c.sub };
    return null;
  }
}
