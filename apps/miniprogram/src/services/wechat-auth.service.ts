import Taro from '@tarojs/taro';
import { getClientConfig } from './client-config.service';
import { ApiError, type HttpClient, http, isApiError } from './http';

/**
 * WeChat identity for the rest of the app: a `wx.login` code, and (in H5 demo mode) a phone code.
 * In the mini-program these come from WeChat. In the H5 build, where `wx.login` and `getPhoneNumber` do not
 * exist, the API's demo mode lets one fake WeChat user per browser get its codes from the WeChat sandbox's
 * control API, so pages never need to know which of the two they run on.
 */

const DEMO_OPENID_KEY = 'glow.demo.openid';

interface SandboxUser {
  openid: string;
}

interface SandboxCode {
  code: string;
}

/** Does phone authorisation go through the sandbox (H5 demo) instead of WeChat's `getPhoneNumber` button? */
export async function isDemoMode(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') return false;
  const config = await getClientConfig();
  return config.demoMode && Boolean(config.sandboxUrl);
}

/** A fresh, single-use login code for `POST /api/auth/member/login`. */
export async function getLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') return wechatLoginCode();
  return withDemoUser((sandbox, openid) => sandbox.post<SandboxCode>('/__control/login-code', { openid }));
}

/** H5 demo mode only: the code WeChat's `getPhoneNumber` would give after the user shares `phone` (11 digits). */
export function getDemoPhoneCode(phone: string): Promise<string> {
  return withDemoUser((sandbox, openid) => sandbox.post<SandboxCode>('/__control/phone-code', { openid, phone }));
}

async function wechatLoginCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    if (code) return code;
  } catch {
    // Reported below as one error; WeChat's errMsg is English and not for users.
  }
  throw new ApiError('WECHAT_UNAVAILABLE', '微信登录失败，请稍后重试', 0);
}

async function withDemoUser(mint: (sandbox: HttpClient, openid: string) => Promise<SandboxCode>): Promise<string> {
  const sandbox = await demoSandbox();
  const stored = readDemoOpenid();
  if (!stored) return (await mint(sandbox, await createDemoUser(sandbox))).code;
  try {
    return (await mint(sandbox, stored)).code;
  } catch (error) {
    // A restarted sandbox has forgotten this browser's user: create it again under the same openid.
    if (!isApiError(error) || error.status < 400 || error.status >= 500) throw error;
    return (await mint(sandbox, await createDemoUser(sandbox, stored))).code;
  }
}

/** H5 demo mode only: the WeChat sandbox's control API (fake logins, phone codes and payments). */
export async function demoSandbox(): Promise<HttpClient> {
  const config = await getClientConfig();
  if (!config.demoMode || !config.sandboxUrl) {
    throw new ApiError('UNSUPPORTED_PLATFORM', '请在微信中打开 Glow 会员小程序', 0);
  }
  return http.withBaseUrl(config.sandboxUrl.replace(/\/+$/, ''));
}

async function createDemoUser(sandbox: HttpClient, openid?: string): Promise<string> {
  const user = await sandbox.post<SandboxUser>('/__control/users', openid ? { openid } : {});
  Taro.setStorageSync(DEMO_OPENID_KEY, user.openid);
  return user.openid;
}

/** H5 demo mode: the openid of this browser's fake WeChat user, once it has logged in (null before). */
export function readDemoOpenid(): string | null {
  const value: unknown = Taro.getStorageSync(DEMO_OPENID_KEY);
  return typeof value === 'string' && value !== '' ? value : null;
}
