import { createSecretKey, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import type { AccessClaims, Principal } from './principal';

/** Signs and verifies short-lived access tokens (HS256 JWT). */
@Injectable()
export class AccessTokenService {
  /**
   * The HMAC key as a KeyObject, made once. Given a string, jsonwebtoken first tries to parse it as a PEM public key
   * on every call (and fails): that cost about half a millisecond of CPU per authenticated request.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

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
    return this.jwt.sign(claims, { privateKey: this.key, expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
  }

  /** The principal of a valid token, or null for anything expired, forged or malformed. */
  verify(token: string): Principal | null {
    let c: AccessClaims;
    try {
      c = this.jwt.verify<AccessClaims & object>(token, { publicKey: this.key as unknown as Buffer, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (c.knd === 'staff' && c.rol) return { kind: 'staff', staffId: c.sub, role: c.rol, storeId: c.sto ?? null };
    if (c.knd === 'member' && c.mid) return { kind: 'member', openid: c.sub, memberId: c.mid };
    if (c.knd === 'pre_member') return { kind: 'pre_member', openid: c.sub };
    return null;
  }
}
