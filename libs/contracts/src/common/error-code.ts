/**
 * Stable error codes returned by the API as `{ code, message }`.
 * Clients switch on the code; the message is Chinese and meant for people.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  BadRequest: 'BAD_REQUEST',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  NotFound: 'NOT_FOUND',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  Internal: 'INTERNAL_ERROR',
  Unauthenticated: 'AUTH_UNAUTHENTICATED',
  Forbidden: 'AUTH_FORBIDDEN',
  TokenInvalid: 'AUTH_TOKEN_INVALID',
  LoginCodeInvalid: 'AUTH_LOGIN_CODE_INVALID',
  LoginCodeUsed: 'AUTH_LOGIN_CODE_USED',
  LoginBlocked: 'AUTH_LOGIN_BLOCKED',
  RefreshTokenInvalid: 'AUTH_REFRESH_TOKEN_INVALID',
  RefreshTokenReused: 'AUTH_REFRESH_TOKEN_REUSED',
  BadCredentials: 'AUTH_BAD_CREDENTIALS',
  WechatUnavailable: 'WECHAT_UNAVAILABLE',
  WechatRateLimited: 'WECHAT_RATE_LIMITED',
  MemberNotFound: 'MEMBER_NOT_FOUND',
  MemberAlreadyJoined: 'MEMBER_ALREADY_JOINED',
  NotJoined: 'MEMBER_NOT_JOINED',
  ConsentOutdated: 'MEMBER_CONSENT_OUTDATED',
  PhoneCodeInvalid: 'MEMBER_PHONE_CODE_INVALID',
  InvalidScene: 'MEMBER_INVALID_SCENE',
  ReferralInvalid: 'MEMBER_REFERRAL_INVALID',
  AvatarInvalid: 'MEMBER_AVATAR_INVALID',
  StoreNotFound: 'STORE_NOT_FOUND',
  OutOfScope: 'STAFF_OUT_OF_SCOPE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Chinese message and HTTP status of each error code. */
export const ERRORS: Record<ErrorCode, { status: number; message: string }> = {
  VALIDATION_FAILED: { status: 400, message: '提交的信息有误，请检查后重试' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '上传内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在' },
  TOO_MANY_REQUESTS: { status: 429, message: '操作太频繁，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '系统繁忙，请稍后再试' },
  AUTH_UNAUTHENTICATED: { status: 401, message: '请先登录' },
  AUTH_FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  AUTH_TOKEN_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  AUTH_LOGIN_CODE_INVALID: { status: 400, message: '微信登录凭证无效或已过期，请重试' },
  AUTH_LOGIN_CODE_USED: { status: 400, message: '微信登录凭证已被使用，请重试' },
  AUTH_LOGIN_BLOCKED: { status: 403, message: '当前微信账号存在风险，暂时无法登录' },
  AUTH_REFRESH_TOKEN_INVALID: { status: 401, message: '登录已过期，请重新登录' },
  AUTH_REFRESH_TOKEN_REUSED: { status: 401, message: '检测到登录凭证被重复使用，已强制下线，请重新登录' },
  AUTH_BAD_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信接口调用过于频繁，请稍后再试' },
  MEMBER_NOT_FOUND: { status: 404, message: '会员不存在' },
  MEMBER_ALREADY_JOINED: { status: 409, message: '您已经是会员了' },
  MEMBER_NOT_JOINED: { status: 403, message: '请先注册成为会员' },
  MEMBER_CONSENT_OUTDATED: { status: 409, message: '隐私政策已更新，请阅读并同意最新版本' },
  MEMBER_PHONE_CODE_INVALID: { status: 400, message: '手机号授权已失效，请重新授权' },
  MEMBER_INVALID_SCENE: { status: 400, message: '二维码无效或已过期' },
  MEMBER_REFERRAL_INVALID: { status: 400, message: '邀请码无效' },
  MEMBER_AVATAR_INVALID: { status: 400, message: '头像须为不超过 2MB 的 JPG、PNG 或 WEBP 图片' },
  STORE_NOT_FOUND: { status: 404, message: '门店不存在' },
  STAFF_OUT_OF_SCOPE: { status: 403, message: '该会员不属于您的门店' },
};

/** The JSON body of every error response. */
export interface ErrorResponse {
  code: ErrorCode;
  message: string;
  /** Field-level problems, present on VALIDATION_FAILED. */
  details?: { field: string; problems: string[] }[];
}
