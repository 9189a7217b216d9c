import { Brand } from '../../modules/member/brand.entity';
import { Member } from '../../modules/member/member.entity';
import { MemberConsent } from '../../modules/member/member-consent.entity';
import { MemberWechat } from '../../modules/member/member-wechat.entity';
import { PrivacyPolicy } from '../../modules/member/privacy-policy.entity';
import { Staff } from '../../modules/member/staff.entity';
import { Store } from '../../modules/member/store.entity';
import { RefreshToken } from '../../modules/identity/refresh-token.entity';
import { StaffCredential } from '../../modules/identity/staff-credential.entity';
import { AuditLog } from '../audit/audit-log.entity';

/** Every entity of every module; the data source and the migration drift check both use this list. */
export const ENTITIES = [Brand, Store, Staff, Member, MemberWechat, PrivacyPolicy, MemberConsent, RefreshToken, StaffCredential, AuditLog];
