import { Global, Module } from '@nestjs/common';
import { WechatPayClient } from './wechat-pay.client';
import { WechatClient } from './wechat.client';

@Global()
@Module({ providers: [WechatClient, WechatPayClient], exports: [WechatClient, WechatPayClient] })
export class WechatModule {}
