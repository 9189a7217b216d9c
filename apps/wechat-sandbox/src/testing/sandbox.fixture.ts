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

/** The smallest valid PNG and the start of a JPEG: the sandbox tells images apart by their magic bytes. */
export const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF sandbox test image')]);

/** A multipart/form-data body with one file part, as an SDK's media upload sends it. */
export function multipartFile(field: string, filename: string, bytes: Buffer, contentType = 'image/png'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----GlowSandboxBoundary7MA4YWxkTrZu0gW';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a temp image and answers the media/upload JSON. */
export async function uploadImage(sut: FastifyInstance, token: string, bytes: Buffer = PNG_BYTES, field = 'media'): Promise<Json> {
  const { payload, headers } = multipartFile(field, 'photo.png', bytes);
  const response = await sut.inject({ method: 'POST', url: `/cgi-bin/media/upload?access_token=${encodeURIComponent(token)}&type=image`, payload, headers });
  return response.json<Json>();
}
