import { decryptPushMessage, encryptPushMessage, pushSignature } from './push-crypto';

/** The self-generated safe-mode vector of the reference (§6c), produced with Python `cryptography`. */
const VECTOR = {
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wx1234567890abcdef',
  random16: Buffer.from('0123456789abcdef', 'ascii'),
  message:
    '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714037059,"MsgType":"text","Content":"hello","MsgId":1234567890123456}',
  encrypt:
    'Q3stYC6hdFzMh9T8HCvyDPT2LBljac5oTt7SagVG08z1gxd9qCgpfQmT/tsI/Wzai4InolnJYVoFXICjsdv5U7P1V8z0ZtffjT8DFPOOwRheAgS5Jl7kAQ5eXq7tirTeuhY8oYK53rvm28dMqocPrQHw9llG15Bmsx/eFJ19n+B1ix17IDxYDrewFwG7lE/IXdtg38XJhSGyZFr85PB2uMpxNm22Zrmp+0Iv1la7gxcsEY5o2yjia1RaPwAU6LRVTFTnQN7Q3PYtCSWdoD3nWfPDMotEuBW5l+iakc/Pwjc=',
  token: 'AAAAA',
  timestamp: '1714037059',
  nonce: '486452656',
  msgSignature: '229bbbe840504438d46ad6c6d799a0bd73669986',
};

describe(pushSignature.name, () => {
  it('reproduces the official URL-verification vector (§6a)', () => {
    expect(pushSignature(['AAAAA', '1714036504', '1514711492'])).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696');
  });

  it('reproduces the official plain-mode POST signature (§6b)', () => {
    expect(pushSignature(['AAAAA', '1714037059', '486452656'])).toBe('899cf89e464efb63f54ddac96b0a0a235f53aa78');
  });

  it('sorts the parts, so their order does not matter', () => {
    expect(pushSignature(['486452656', 'AAAAA', '1714037059'])).toBe(pushSignature(['AAAAA', '1714037059', '486452656']));
  });

  it('reproduces the msg_signature of the §6c vector over token, timestamp, nonce and Encrypt', () => {
    expect(pushSignature([VECTOR.token, VECTOR.timestamp, VECTOR.nonce, VECTOR.encrypt])).toBe(VECTOR.msgSignature);
  });
});

describe(encryptPushMessage.name, () => {
  it('reproduces the Encrypt of the §6c vector', () => {
    expect(encryptPushMessage(VECTOR.encodingAesKey, VECTOR.appId, VECTOR.message, VECTOR.random16)).toBe(VECTOR.encrypt);
  });

  it('pads to 32-byte blocks with 1 to 32 bytes of padding', () => {
    // 16 + 4 + 18 (appid) = 38 bytes of framing; message lengths around the block edges exercise pads of 32 and 1.
    for (const length of [0, 1, 25, 26, 27, 57, 58, 100]) {
      const message = 'x'.repeat(length);
      const encrypt = encryptPushMessage(VECTOR.encodingAesKey, VECTOR.appId, message);
      const cipherBytes = Buffer.from(encrypt, 'base64').length;
      const padding = cipherBytes - (38 + length);

      expect(cipherBytes % 32).toBe(0);
      expect(padding).toBeGreaterThanOrEqual(1);
      expect(padding).toBeLessThanOrEqual(32);
      expect(decryptPushMessage(VECTOR.encodingAesKey, encrypt)).toEqual({ message, appId: VECTOR.appId });
    }
  });

  it('uses a fresh random prefix, so the same message never encrypts the same way twice', () => {
    const first = encryptPushMessage(VECTOR.encodingAesKey, VECTOR.appId, VECTOR.message);

    expect(encryptPushMessage(VECTOR.encodingAesKey, VECTOR.appId, VECTOR.message)).not.toBe(first);
  });

  it('refuses an EncodingAESKey that is not 43 letters and digits', () => {
    expect(() => encryptPushMessage('too-short', VECTOR.appId, 'x')).toThrow(/43/);
  });
});

describe(decryptPushMessage.name, () => {
  it('decrypts the §6c vector to the message and the appid', () => {
    expect(decryptPushMessage(VECTOR.encodingAesKey, VECTOR.encrypt)).toEqual({ message: VECTOR.message, appId: VECTOR.appId });
  });

  it('round-trips UTF-8 text, whose byte length differs from its character length', () => {
    const message = '{"Content":"您好，想预约周六的焕颜护理 🌸"}';
    const encrypt = encryptPushMessage(VECTOR.encodingAesKey, VECTOR.appId, message);

    expect(decryptPushMessage(VECTOR.encodingAesKey, encrypt)).toEqual({ message, appId: VECTOR.appId });
  });
});
