import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberModule } from '../member/member.module';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';
import { RefreshToken } from './refresh-token.entity';
import { SessionDataContributor } from './session-data.contributor';
import { SessionService } from './session.service';
import { StaffCredential } from './staff-credential.entity';

@Module({
  imports: [MemberModule, TypeOrmModule.forFeature([RefreshToken, StaffCredential])],
  controllers: [IdentityController],
  providers: [IdentityService, SessionService, SessionDataContributor],
  exports: [IdentityService],
})
export class IdentityModule {}
