import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { ErrorCode, type JoinDto, type JoinResponse, type MemberSessionResponse, type StaffProfile, type StaffSessionResponse } from '@glow/contracts';
import { Repository } from 'typeorm';
import type { Principal } from '../../platform/auth/principal';
import { WechatApiError } from '../../platform/wechat/wechat.exception';
import { WechatClient } from '../../platform/wechat/wechat.client';
import { MemberService } from '../member/member.service';
import { StaffMemberService } from '../member/staff-member.service';
import { IdentityException } from './identity.exception';
import { SessionService } from './session.service';
import { StaffCredential } from './staff-credential.entity';

/** A hash of nothing in particular, verified when the username is unknown so both paths take as long. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Q3e1cOjKSmBzD3mKfr8DSBv/1mqK6JKS0TWX/d9HbAo';

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* argon2id */ });
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(StaffCredential) private readonly credentials: Repository<StaffCredential>,
    private readonly sessions: SessionService,
    private readonly wechat: WechatClient,
    private readonly members: MemberService,
    private readonly staff: StaffMemberService,
  ) {}

  /** `wx.login` code → openid → a member session, or a pre-member session for someone who has not joined. */
  async memberLogin(code: string): Promise<MemberSessionResponse> {
    const { openid } = await this.code2Session(code);
    return this.sessions.startWechatSession(openid);
  }

  async staffLogin(username: string, password: string): Promise<StaffSessionResponse> {
    const cred = await this.credentials.findOne({ where: { username: username.toLowerCase() } });
    const ok = await verify(cred?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!cred || !ok) throw new IdentityException(ErrorCode.BadCredentials);
    // A deactivated staff member (left the brand) answers like a wrong password.
    const profile = await this.staff.profile(cred.staffId).catch(() => null);
    if (!profile?.active) throw new IdentityException(ErrorCode.BadCredentials);
    return this.sessions.startStaffSession(cred.staffId, cred.username);
  }

  refresh(refreshToken: string): Promise<MemberSessionResponse | StaffSessionResponse> {
    return this.sessions.refresh(refreshToken, (staffId) => this.usernameOf(staffId));
  }

  logout(refreshToken: string): Promise<void> {
    return this.sessions.logout(refreshToken);
  }

  async staffProfile(staffId: string): Promise<StaffProfile> {
    const p = await this.staff.profile(staffId);
    return { id: p.id, username: await this.usernameOf(staffId), name: p.name, role: p.role, storeId: p.storeId, storeName: p.storeName };
  }

  /** Joins the WeChat user behind a pre-member token and swaps their session for a member one. */
  async join(who: Principal, dto: JoinDto): Promise<JoinResponse> {
    if (who.kind === 'member') throw new IdentityException(ErrorCode.MemberAlreadyJoined);
    if (who.kind !== 'pre_member') throw new IdentityException(ErrorCode.Forbidden);
    const outcome = await this.members.join(who.openid, null, dto);
    const session = await this.sessions.startWechatSession(who.openid);
    return { home: await this.members.home(outcome.memberId), session, linkedExisting: outcome.linkedExisting };
  }

  private async usernameOf(staffId: string): Promise<string> {
    const cred = await this.credentials.findOne({ where: { staffId } });
    if (!cred) throw new IdentityException(ErrorCode.RefreshTokenInvalid);
    return cred.username;
  }

  private async code2Session(code: string): Promise<{ openid: string }> {
    try {
      return await this.wechat.code2Session(code);
    } catch (e) {
      if (!(e instanceof WechatApiError)) throw e;
      const byErrcode: Record<number, (typeof ErrorCode)[keyof typeof ErrorCode]> = {
        40029: ErrorCode.LoginCodeInvalid,
        40163: ErrorCode.LoginCodeUsed,
        40226: ErrorCode.LoginBlocked,
        45011: ErrorCode.WechatRateLimited,
      };
      throw new IdentityException(byErrcode[e.errcode] ?? ErrorCode.WechatUnavailable, e.message);
    }
  }
}
