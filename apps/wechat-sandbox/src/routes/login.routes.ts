import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import { newSessionKey } from '../state/random-id';
import { wechatError } from '../wechat-error';
import { queryValue, type QueryRecord } from '../wechat-request';

type Code2SessionResponse = { openid: string; session_key: string; unionid?: string };

export function registerLoginRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Querystring: QueryRecord }>('/sns/jscode2session', async (request) => {
    const { query } = request;
    const appid = queryValue(query, 'appid');
    const secret = queryValue(query, 'secret');
    const code = queryValue(query, 'js_code');
    if (!appid) return wechatError(41002);
    if (appid !== ctx.appId) return wechatError(40013);
    if (!secret) return wechatError(41004);
    if (secret !== ctx.secret) return wechatError(40125);
    if (!code) return wechatError(41008);
    if (queryValue(query, 'grant_type') !== 'authorization_code') return wechatError(40002);

    const fault = ctx.state.takeFault('jscode2session');
    if (fault !== null) return wechatError(fault.errcode, fault.errmsg);

    const outcome = ctx.state.redeemLoginCode(code);
    if (!outcome.ok) return wechatError(outcome.errcode);
    const { user } = outcome;
    // unionid exists only when the mini program is bound to an Open Platform account, so absent rather than null.
    const response: Code2SessionResponse = { openid: user.openid, session_key: newSessionKey() };
    if (user.unionid) response.unionid = user.unionid;
    return response;
  });
}
