import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberModule } from '../member/member.module';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';
import { RefreshToken } from './refresh-token.entity';
import { SessionService } from './session.service';
import { StaffCredential } from './staff-credential.entity';

@Module({
  imports: [MemberModule, TypeOrmModule.forFeature([RefreshToken, StaffCredential])],
  controllers: [IdentityController],
  providers: [IdentityService, SessionService],
  exports: [IdentityService],
})
export class IdentityModule {}
