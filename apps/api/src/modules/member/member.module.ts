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

@Module({
  imports: [TypeOrmModule.forFeature([Brand, Store, Staff, Member, MemberWechat, PrivacyPolicy, MemberConsent])],
  controllers: [MemberController, StaffMemberController],
  providers: [MemberService, StaffMemberService],
  exports: [MemberService, StaffMemberService],
})
export class MemberModule {}
