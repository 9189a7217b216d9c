import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import { wechatError } from '../wechat-error';
import { queryValue, readJsonBody, type QueryRecord } from '../wechat-request';

type Credentials = { grantType: unknown; appid: unknown; secret: unknown };

/** Both token endpoints validate in the same order and answer a wrong secret with 40001, not 40125. */
function credentialsError(ctx: SandboxContext, { grantType, appid, secret }: Credentials): number | null {
  if (grantType !== 'client_credential') return 40002;
  if (appid === undefined || appid === '') return 41002;
  if (appid !== ctx.appId) return 40013;
  if (secret === undefined || secret === '') return 41004;
  if (secret !== ctx.secret) return 40001;
  return null;
}

export function registerTokenRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Querystring: QueryRecord }>('/cgi-bin/token', async (request) => {
    const { query } = request;
    const error = credentialsError(ctx, {
      grantType: queryValue(query, 'grant_type'),
      appid: queryValue(query, 'appid'),
      secret: queryValue(query, 'secret'),
    });
    return error === null ? ctx.state.tokens.issueClassic() : wechatError(error);
  });

  app.post('/cgi-bin/stable_token', async (request) => {
    const body = readJsonBody(request.body);
    if (!body.ok) return wechatError(body.errcode);
    const { grant_type, appid, secret, force_refresh } = body.value;
    if (force_refresh !== undefined && typeof force_refresh !== 'boolean') return wechatError(47001);
    const error = credentialsError(ctx, { grantType: grant_type, appid, secret });
    return error === null ? ctx.state.tokens.issueStable(force_refresh === true) : wechatError(error);
  });
}
