import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { CatalogModule } from './modules/catalog/catalog.module';
import { IdentityModule } from './modules/identity/identity.module';
import { MemberModule } from './modules/member/member.module';
import { SkinModule } from './modules/skin/skin.module';
import { AppointmentModule } from './modules/appointment/appointment.module';
import { LoyaltyModule } from './modules/loyalty/loyalty.module';
import { OrderModule } from './modules/order/order.module';
import { CouponModule } from './modules/coupon/coupon.module';
import { PaymentModule } from './modules/payment/payment.module';
import { NotificationModule } from './modules/notification/notification.module';
import { ServiceModule } from './modules/service/service.module';
import { CampaignModule } from './modules/campaign/campaign.module';
import { AuditModule } from './platform/audit/audit.module';
import { AuthModule } from './platform/auth/auth.module';
import { AppConfig } from './platform/config/app-config';
import { ClientConfigController } from './platform/config/client-config.controller';
import { ConfigModule } from './platform/config/config.module';
import { CryptoModule } from './platform/crypto/crypto.module';
import { dataSourceOptions } from './platform/database/data-source-options';
import { HealthController } from './platform/health/health.controller';
import { JobsModule } from './platform/jobs/jobs.module';
import { loggerParams } from './platform/logging/logging';
import { WechatModule } from './platform/wechat/wechat.module';

@Module({})
export class AppModule {
  /** The whole API for one validated config and one database URL. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'auth', ttl: 60_000, limit: config.authThrottlePerMinute }] }),
        TerminusModule,
        AuthModule,
        AuditModule,
        CryptoModule,
        WechatModule,
        JobsModule,
        MemberModule,
        IdentityModule,
        CatalogModule,
        SkinModule,
        AppointmentModule,
        LoyaltyModule,
        CouponModule,
        OrderModule,
        PaymentModule,
        NotificationModule,
        ServiceModule,
        CampaignModule,
      ],
      controllers: [HealthController, ClientConfigController],
    };
  }
}
