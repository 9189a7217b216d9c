import type { JoinResponse, SkinResultResponse, SkinSessionState, SkinTestResponse } from '@glow/contracts';
import type { Answer } from '@glow/domain';
import type { Stack } from './stack';
import { api, join, newWechatUser } from './wechat-user';

export interface TestMember {
  id: string;
  token: string;
  openid: string;
  phone: string;
  joined: JoinResponse;
}

/** A new WeChat user who joined as a member, with their access token. */
export async function newMember(stack: Stack, extra: Parameters<typeof join>[2] = {}): Promise<TestMember> {
  const user = await newWechatUser(stack);
  const joined = await join(stack, user, extra);
  return { id: joined.home.profile.id, token: joined.session.accessToken, openid: user.openid, phone: user.phone, joined };
}

export const as = (token: string) => ({ authorization: `Bearer ${token}` });

export async function skinTest(stack: Stack, token: string): Promise<SkinTestResponse> {
  const res = await api(stack).get('/api/skin/test').set(as(token));
  if (res.status !== 200) throw new Error(`skin test answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as SkinTestResponse;
}

export async function grantSkinConsent(stack: Stack, token: string): Promise<SkinTestResponse> {
  const test = await skinTest(stack, token);
  await api(stack).post('/api/skin/consent').set(as(token)).send({ version: test.consent.version }).expect(200);
  return test;
}

/** Consents, answers every given answer and submits: the whole skin test as the mini-program runs it. */
export async function takeSkinTest(stack: Stack, token: string, answers: Answer[]): Promise<SkinResultResponse> {
  const test = await grantSkinConsent(stack, token);
  const session = (await api(stack).post('/api/skin/sessions').set(as(token)).send({ questionnaireId: test.questionnaireId, version: test.version }).expect(201)).body as SkinSessionState;
  for (const a of answers) {
    const { questionKey, ...body } = a;
    const res = await api(stack).put(`/api/skin/sessions/${session.id}/answers/${questionKey}`).set(as(token)).send(body);
    if (res.status !== 200) throw new Error(`answer ${questionKey} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const res = await api(stack).post(`/api/skin/sessions/${session.id}/submit`).set(as(token));
  if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as SkinResultResponse;
}

/** The value, or a test failure naming what was missing. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}
