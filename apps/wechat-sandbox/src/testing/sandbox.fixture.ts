import type { FastifyInstance } from 'fastify';
import { createSandbox, type SandboxOptions } from '../sandbox';

export const APP_ID = 'wxtestapp00000001';
export const SECRET = 'test-secret';

/** A clock the test moves by hand; starts on a Monday at 10:00 Beijing time, far from any day boundary. */
export class FakeClock {
  constructor(public ms = Date.UTC(2025, 0, 6, 2, 0, 0)) {}

  readonly now = (): number => this.ms;

  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export function buildSandbox(options: Partial<SandboxOptions> = {}): { sut: FastifyInstance; clock: FakeClock } {
  const clock = new FakeClock();
  const sut = createSandbox({ appId: APP_ID, secret: SECRET, now: clock.now, ...options });
  return { sut, clock };
}

export type Json = Record<string, unknown>;

export async function postJson(sut: FastifyInstance, url: string, body: unknown): Promise<{ status: number; json: Json }> {
  const response = await sut.inject({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: response.statusCode, json: response.json<Json>() };
}

export async function getJson(sut: FastifyInstance, url: string): Promise<Json> {
  return (await sut.inject({ method: 'GET', url })).json<Json>();
}

export async function classicToken(sut: FastifyInstance): Promise<string> {
  const body = await getJson(sut, `/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`);
  if (typeof body.access_token !== 'string') throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}

export async function loginCode(sut: FastifyInstance, openid: string): Promise<string> {
  const { json } = await postJson(sut, '/__control/login-code', { openid });
  return String(json.code);
}

export async function code2Session(sut: FastifyInstance, code: string): Promise<Json> {
  return getJson(sut, `/sns/jscode2session?appid=${APP_ID}&secret=${SECRET}&js_code=${code}&grant_type=authorization_code`);
}

/** errmsg always ends with a request id shaped like WeChat's. */
export const RID = /, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;
