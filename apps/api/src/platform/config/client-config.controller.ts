import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClientConfigResponse } from '@glow/contracts';
import { Public } from '../auth/auth.decorators';
import { AppConfig, subscribeTemplateIds } from './app-config';

@ApiTags('platform')
@Controller('client-config')
export class ClientConfigController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'What clients need to know at start-up (demo mode lets H5 mint sandbox login codes)' })
  get(): ClientConfigResponse {
    return {
      demoMode: this.config.demoMode,
      sandboxUrl: this.config.demoMode ? this.config.wechatApiBase : null,
      appId: this.config.wechatAppId,
      subscribeTemplates: subscribeTemplateIds(this.config),
    };
  }
}
