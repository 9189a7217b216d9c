import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS } from './logging';

describe('log redaction', () => {
  it('never writes phone numbers, openids, codes or tokens in clear', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const sut = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    sut.info({
      req: { headers: { authorization: 'Bearer eyJsecret' } },
      body: { phone: '+8613800138000', openid: 'oAbc123', code: '0a3xyz', refreshToken: 'r-token', password: 'glow1234' },
      wechat: { purePhoneNumber: '13800138000', access_token: 'ACCESS' },
    });
    const out = lines.join('');
    for (const secret of ['eyJsecret', '13800138000', 'oAbc123', '0a3xyz', 'r-token', 'glow1234', 'ACCESS']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });
});
