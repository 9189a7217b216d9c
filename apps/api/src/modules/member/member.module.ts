import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Brand } from './brand.entity';
import { Member } from './member.entity';
import { MemberConsent } from './member-consent.entity';
import { MemberController } from './member.controller';
import { MemberService } from './member.service';
import { MemberWechat } from './member-wechat.entity';
import { PrivacyPolicy } from './privacy-policy.entity';
import { Staff } from './staff.entity';
import { StaffMemberController } from './staff-member.controller';
import { StaffMemberService } from './staff-member.service';
import { Store } from './store.entity';
import { MemberDataRegistry } from './member-data.registry';
import { MemberPrivileges } from './member-privileges';
import { MemberTag } from './member-tag.entity';
import { PrivacyService } from './privacy.service';
import { Tag } from './tag.entity';
import { TagService } from './tag.service';

@Module({
  imports: [TypeOrmModule.forFeature([Brand, Store, Staff, Member, MemberWechat, PrivacyPolicy, MemberConsent, Tag, MemberTag])],
  controllers: [MemberController, StaffMemberController],
  providers: [MemberService, StaffMemberService, TagService, PrivacyService, MemberDataRegistry, MemberPrivileges],
  exports: [MemberService, StaffMemberService, TagService, MemberDataRegistry, MemberPrivileges],
})
export class MemberModule {}
