import { decryptPush, pushMessageSignatureValid, pushSignatureValid } from './wechat-push.crypto';

// Vectors from reference/wechat-protocol.md §6a–6c.
describe('WeChat message push crypto', () => {
  it('accepts the official URL-verification signature and refuses a changed nonce', () => {
    expect(pushSignatureValid('AAAAA', '1714036504', '1514711492', 'f464b24fc39322e44b38aa78f5edd27bd1441696')).toBe(true);
    expect(pushSignatureValid('AAAAA', '1714036504', '1514711493', 'f464b24fc39322e44b38aa78f5edd27bd1441696')).toBe(false);
    expect(pushSignatureValid('AAAAA', '1714036504', '1514711492', 'not-hex')).toBe(false);
  });

  const encrypted =
    'Q3stYC6hdFzMh9T8HCvyDPT2LBljac5oTt7SagVG08z1gxd9qCgpfQmT/tsI/Wzai4InolnJYVoFXICjsdv5U7P1V8z0ZtffjT8DFPOOwRheAgS5Jl7kAQ5eXq7tirTeuhY8oYK53rvm28dMqocPrQHw9llG15Bmsx/eFJ19n+B1ix17IDxYDrewFwG7lE/IXdtg38XJhSGyZFr85PB2uMpxNm22Zrmp+0Iv1la7gxcsEY5o2yjia1RaPwAU6LRVTFTnQN7Q3PYtCSWdoD3nWfPDMotEuBW5l+iakc/Pwjc=';

  it('checks the safe-mode message signature over the encrypted body', () => {
    expect(pushMessageSignatureValid('AAAAA', '1714037059', '486452656', encrypted, '229bbbe840504438d46ad6c6d799a0bd73669986')).toBe(true);
    expect(pushMessageSignatureValid('AAAAA', '1714037059', '486452656', `${encrypted}x`, '229bbbe840504438d46ad6c6d799a0bd73669986')).toBe(false);
  });

  it('decrypts a safe-mode message meant for our app and refuses one for another app', () => {
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    expect(decryptPush(key, encrypted, 'wx1234567890abcdef')).toBe(
      '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714037059,"MsgType":"text","Content":"hello","MsgId":1234567890123456}',
    );
    expect(decryptPush(key, encrypted, 'wxsomeoneelse00000')).toBeNull();
    expect(decryptPush(key, 'bm90IGEgY2lwaGVydGV4dA==', 'wx1234567890abcdef')).toBeNull();
  });
});
