import { randomInt } from 'node:crypto';
import supertest from 'supertest';
import type { JoinDto, JoinResponse, MemberSessionResponse, StaffSessionResponse } from '@glow/contracts';
import type { Stack } from './stack';

/**
 * A fresh fake WeChat user in the sandbox, with a random 166… phone: the seed never uses that prefix, and
 * test files share one database, so a per-file counter would hand two files the same phone.
 */
export async function newWechatUser(stack: Stack, phone?: string): Promise<{ openid: string; phone: string }> {
  const p = phone ?? `166${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  const res = await control(stack, '/__control/users', { phone: p });
  return { openid: (res as { openid: string }).openid, phone: p };
}

export async function control(stack: Stack, path: string, body: unknown): Promise<unknown> {
  const res = await stack.sandbox.inject({ method: 'POST', url: path, payload: body as object });
  if (res.statusCode >= 300) throw new Error(`sandbox ${path} answered ${res.statusCode}: ${res.body}`);
  return res.json();
}

export async function loginCode(stack: Stack, openid: string): Promise<string> {
  return ((await control(stack, '/__control/login-code', { openid })) as { code: string }).code;
}

export async function phoneCode(stack: Stack, openid: string, phone?: string): Promise<string> {
  return ((await control(stack, '/__control/phone-code', phone ? { openid, phone } : { openid })) as { code: string }).code;
}

export function api(stack: Stack) {
  return supertest(stack.app.getHttpServer());
}

export async function memberLogin(stack: Stack, openid: string): Promise<MemberSessionResponse> {
  const res = await api(stack).post('/api/auth/member/login').send({ code: await loginCode(stack, openid) }).expect(200);
  return res.body as MemberSessionResponse;
}

export async function currentPolicyVersion(stack: Stack): Promise<string> {
  return ((await api(stack).get('/api/privacy-policy').expect(200)).body as { version: string }).version;
}

/** Logs a WeChat user in and joins them; returns the join response. */
export async function join(stack: Stack, user: { openid: string }, extra: Partial<JoinDto> = {}): Promise<JoinResponse> {
  const session = await memberLogin(stack, user.openid);
  const res = await api(stack)
    .post('/api/members/join')
    .set('authorization', `Bearer ${session.accessToken}`)
    .send({ consentVersion: await currentPolicyVersion(stack), phoneCode: await phoneCode(stack, user.openid), ...extra });
  if (res.status !== 201) throw new Error(`join answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as JoinResponse;
}

export async function staffLogin(stack: Stack, username: string, password = 'glow1234'): Promise<StaffSessionResponse> {
  return (await api(stack).post('/api/auth/staff/login').send({ username, password }).expect(200)).body as StaffSessionResponse;
}
