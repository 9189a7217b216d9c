import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import { wechatError } from '../wechat-error';
import { accessTokenError, readJsonBody, type QueryRecord } from '../wechat-request';

export function registerPhoneRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Querystring: QueryRecord }>('/wxa/business/getuserphonenumber', async (request) => {
    const tokenError = accessTokenError(ctx, request.query);
    if (tokenError !== null) return wechatError(tokenError);
    const body = readJsonBody(request.body);
    if (!body.ok) return wechatError(body.errcode);
    const { code, openid } = body.value;
    if (code === undefined || code === '') return wechatError(41008);
    if (typeof code !== 'string' || (openid !== undefined && typeof openid !== 'string')) return wechatError(47001);

    const fault = ctx.state.takeFault('getuserphonenumber');
    if (fault !== null) return wechatError(fault.errcode, fault.errmsg);

    const outcome = ctx.state.redeemPhoneCode(code, openid);
    if (!outcome.ok) return wechatError(outcome.errcode);
    const { phone, countryCode, issuedAt } = outcome;
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        // WeChat prefixes the country code only for numbers outside mainland China.
        phoneNumber: countryCode === '86' ? phone : `+${countryCode}${phone}`,
        purePhoneNumber: phone,
        // The table documents a string, the official example shows a number; we send the number, as the example does.
        countryCode: Number(countryCode),
        watermark: { timestamp: Math.floor(issuedAt / 1000), appid: ctx.appId },
      },
    };
  });
}
