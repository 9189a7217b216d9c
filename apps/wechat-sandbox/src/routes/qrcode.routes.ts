import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import { wechatError } from '../wechat-error';
import { accessTokenError, isJsonObject, readJsonBody, type JsonObject, type QueryRecord } from '../wechat-request';
import { renderWxacode, wxacodeContent } from './wxacode.renderer';

/** Up to 32 visible characters from this set; `%` is excluded, so a scene cannot smuggle url-encoded text. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const ENV_VERSIONS = ['release', 'trial', 'develop'];
const MIN_WIDTH = 280;
const MAX_WIDTH = 1280;

type WxacodeRequest = {
  scene: string;
  page: string;
  width: number;
  checkPath: boolean;
  darkColor: string;
  lightColor: string;
};

function hexColor(value: unknown): string | null {
  if (!isJsonObject(value)) return null;
  const channels = [value.r, value.g, value.b];
  if (!channels.every((c) => Number.isInteger(c) && Number(c) >= 0 && Number(c) <= 255)) return null;
  return `#${channels.map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Checks the body the way WeChat does; returns the errcode of the first problem found. */
function parseWxacodeRequest(body: JsonObject, homePage: string): WxacodeRequest | number {
  const { scene, page = homePage, width = 430, check_path = true, env_version = 'release' } = body;
  const { line_color, is_hyaline = false } = body;
  // 40169 is what WeChat answers for any scene it cannot take, missing or wrong type included.
  if (typeof scene !== 'string' || !SCENE_PATTERN.test(scene)) return 40169;
  if (typeof page !== 'string' || typeof check_path !== 'boolean' || typeof is_hyaline !== 'boolean') return 47001;
  if (typeof width !== 'number' || !Number.isFinite(width)) return 47001;
  if (typeof env_version !== 'string' || !ENV_VERSIONS.includes(env_version)) return 40097;
  const darkColor = line_color === undefined ? '#000000' : hexColor(line_color);
  if (darkColor === null) return 47001;
  if (page.startsWith('/') || page.includes('?')) return 41030;
  return {
    scene,
    page: page === '' ? homePage : page,
    // WeChat draws out-of-range widths at the nearest allowed size rather than failing.
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width))),
    checkPath: check_path,
    darkColor,
    lightColor: is_hyaline ? '#ffffff00' : '#ffffffff',
  };
}

export function registerQrcodeRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Querystring: QueryRecord }>('/wxa/getwxacodeunlimit', async (request, reply) => {
    const tokenError = accessTokenError(ctx, request.query);
    if (tokenError !== null) return wechatError(tokenError);
    const body = readJsonBody(request.body);
    if (!body.ok) return wechatError(body.errcode);
    const parsed = parseWxacodeRequest(body.value, ctx.pages[0] ?? 'pages/index/index');
    if (typeof parsed === 'number') return wechatError(parsed);

    const fault = ctx.state.takeFault('getwxacodeunlimit');
    if (fault !== null) return wechatError(fault.errcode, fault.errmsg);

    // With check_path on, WeChat only draws codes for pages of the released version.
    if (parsed.checkPath && !ctx.pages.includes(parsed.page)) return wechatError(41030);
    const png = await renderWxacode(wxacodeContent(parsed.page, parsed.scene), parsed);
    return reply.type('image/png').send(png);
  });
}
