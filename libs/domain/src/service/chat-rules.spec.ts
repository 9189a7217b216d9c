import { type ChatSendInput, detectImageType, median, MESSAGE_PREVIEW_MAX, messagePreview, validateChatSend } from './chat-rules';
import { CHAT_TEXT_MAX, SENDABLE_MESSAGE_TYPES } from './service-vocabulary';

describe(messagePreview.name, () => {
  it.each<[string, Parameters<typeof messagePreview>[0], Record<string, unknown>, string]>([
    ['a short text as written', 'text', { text: '这款面霜适合干皮吗？' }, '这款面霜适合干皮吗？'],
    ['a text on several lines as one line', 'text', { text: '  你好\n\n请问发货了吗  ' }, '你好 请问发货了吗'],
    ['an image', 'image', { url: 'https://cdn.example.com/a.jpg' }, '[图片]'],
    ['a product card with its name', 'product', { productId: 'p1', name: '小棕瓶精华 50ml', priceFen: 59000 }, '[商品] 小棕瓶精华 50ml'],
    ['a coupon card with its name', 'coupon', { templateId: 't1', name: '满300减50', summary: '…' }, '[优惠券] 满300减50'],
    ['a booking card with its service', 'booking', { bookingId: 'b1', serviceName: '肌肤检测', storeName: '南京西路店' }, '[预约] 肌肤检测'],
    ['a system message as its text', 'system', { text: '顾问小林已接入', event: 'assigned' }, '顾问小林已接入'],
    ['a card whose name is missing', 'product', { productId: 'p1' }, '[商品]'],
    ['a text whose body is damaged', 'text', { text: 42 }, ''],
  ])('shows %s', (_, type, body, preview) => {
    expect(messagePreview(type, body)).toBe(preview);
  });

  it('cuts a long text to 40 characters with an ellipsis', () => {
    const preview = messagePreview('text', { text: '我上周在南京西路店买的精华用了三天脸上有点泛红发痒，想问一下是不是过敏了，需要停用吗，可以退吗' });
    expect(Array.from(preview)).toHaveLength(MESSAGE_PREVIEW_MAX);
    expect(preview).toBe('我上周在南京西路店买的精华用了三天脸上有点泛红发痒，想问一下是不是过敏了，需要…');
  });

  it('keeps a text of exactly 40 characters whole', () => {
    const text = '一'.repeat(40);
    expect(messagePreview('text', { text })).toBe(text);
  });

  it('never cuts an emoji in half', () => {
    const preview = messagePreview('text', { text: '😀'.repeat(50) });
    expect(preview).toBe(`${'😀'.repeat(39)}…`);
  });

  it('keeps a long card name within 40 characters', () => {
    expect(Array.from(messagePreview('product', { name: '多效修护'.repeat(20) })).length).toBe(MESSAGE_PREVIEW_MAX);
  });
});

describe(validateChatSend.name, () => {
  const uuid = '7f3c5a8e-1d2b-4c6a-9e0f-123456789abc';
  const valid: Record<(typeof SENDABLE_MESSAGE_TYPES)[number], ChatSendInput> = {
    text: { type: 'text', text: '您好，请问有什么可以帮您？' },
    image: { type: 'image', imageId: `${'a'.repeat(32)}.jpg` },
    product: { type: 'product', productId: uuid },
    coupon: { type: 'coupon', couponTemplateId: uuid },
    booking: { type: 'booking', bookingId: uuid },
  };

  it.each<[string, ChatSendInput, 'member' | 'advisor', 'app' | 'wechat']>([
    ['a member’s text in the app', valid.text, 'member', 'app'],
    ['a member’s photo of a rash', valid.image, 'member', 'app'],
    ['a member asking about a product', valid.product, 'member', 'app'],
    ['a member sharing a booking', valid.booking, 'member', 'app'],
    ['an advisor’s coupon card in the app', valid.coupon, 'advisor', 'app'],
    ['an advisor’s booking card in the app', valid.booking, 'advisor', 'app'],
    ['an advisor’s text on WeChat', valid.text, 'advisor', 'wechat'],
    ['an advisor’s image on WeChat', valid.image, 'advisor', 'wechat'],
    ['an advisor’s product on WeChat (sent as a mini-program card)', valid.product, 'advisor', 'wechat'],
    ['a text of exactly the maximum length', { type: 'text', text: '好'.repeat(CHAT_TEXT_MAX) }, 'member', 'app'],
    ['a text whose spaces around push it past the maximum', { type: 'text', text: `  ${'好'.repeat(CHAT_TEXT_MAX)}  ` }, 'member', 'app'],
  ])('accepts %s', (_, input, sender, channel) => {
    expect(validateChatSend(input, sender, channel)).toEqual([]);
  });

  it.each<[string, ChatSendInput, 'member' | 'advisor', 'app' | 'wechat', string[]]>([
    ['an empty text', { type: 'text', text: '' }, 'member', 'app', ['请输入消息内容']],
    ['a text of only spaces and newlines', { type: 'text', text: ' \n\t ' }, 'member', 'app', ['请输入消息内容']],
    ['a text without text', { type: 'text' }, 'member', 'app', ['请输入消息内容']],
    ['a text that is too long', { type: 'text', text: '好'.repeat(CHAT_TEXT_MAX + 1) }, 'member', 'app', [`消息不能超过${CHAT_TEXT_MAX}字`]],
    ['an image without the image', { type: 'image' }, 'member', 'app', ['请选择图片']],
    ['a product card without the product', { type: 'product', productId: ' ' }, 'advisor', 'app', ['请选择商品']],
    ['a booking card without the booking', { type: 'booking' }, 'advisor', 'app', ['请选择预约']],
    ['an image with a caption', { type: 'image', imageId: `${'a'.repeat(32)}.png`, text: '看看这里' }, 'member', 'app', ['图片消息不能同时包含文字']],
    ['a text with a product attached', { type: 'text', text: '推荐这款', productId: uuid }, 'advisor', 'app', ['文字消息不能同时包含商品']],
    ['a text with an empty image id attached', { type: 'text', text: '你好', imageId: '' }, 'member', 'app', ['文字消息不能同时包含图片']],
    ['a member sending a coupon', valid.coupon, 'member', 'app', ['会员不能发送优惠券']],
    ['an advisor’s coupon card on WeChat', valid.coupon, 'advisor', 'wechat', ['微信客服会话不支持发送优惠券卡片，请发送文字、图片或商品']],
    ['an advisor’s booking card on WeChat', valid.booking, 'advisor', 'wechat', ['微信客服会话不支持发送预约卡片，请发送文字、图片或商品']],
    ['a type clients may not send', { type: 'system' as ChatSendInput['type'], text: '已解决' }, 'advisor', 'app', ['不支持的消息类型']],
  ])('refuses %s', (_, input, sender, channel, problems) => {
    expect(validateChatSend(input, sender, channel)).toEqual(problems);
  });

  it('reports every problem at once', () => {
    expect(validateChatSend({ type: 'coupon', text: '送你一张券' }, 'member', 'app')).toEqual(['请选择优惠券', '优惠券消息不能同时包含文字', '会员不能发送优惠券']);
  });

  it('accepts exactly one field per type: every other field added alone is refused', () => {
    for (const type of SENDABLE_MESSAGE_TYPES) {
      for (const other of SENDABLE_MESSAGE_TYPES.filter((t) => t !== type)) {
        const field = Object.fromEntries(Object.entries(valid[other]).filter(([key]) => key !== 'type'));
        expect(validateChatSend({ ...valid[type], ...field }, 'advisor', 'app')).toHaveLength(1);
      }
    }
  });
});

describe(detectImageType.name, () => {
  const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

  it.each<[string, Uint8Array, string | null]>([
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'jpg'],
    ['a PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'png'],
    ['a GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['a GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif'],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['a WAV (RIFF but not WebP)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), null],
    ['a PDF renamed .jpg', bytes('%PDF-1.7'), null],
    ['an HTML page', bytes('<!DOCTYPE html>'), null],
    ['an SVG (scripts inside, refused)', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ['a truncated PNG signature', bytes([0x89], 'PNG'), null],
    ['two bytes of JPEG', bytes([0xff, 0xd8]), null],
    ['an empty upload', new Uint8Array(), null],
  ])('recognises %s', (_, data, type) => {
    expect(detectImageType(data)).toBe(type);
  });
});

describe(median.name, () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[42], 42],
    [[30, 10, 20], 20],
    [[10, 40, 20, 30], 25],
    [[5, 5, 5, 3600], 5],
    [[0, 0], 0],
  ])('of %p is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('is not pulled up by one conversation answered the next morning', () => {
    const firstResponseSeconds = [35, 40, 52, 61, 48, 12 * 3600];
    expect(median(firstResponseSeconds)).toBe(50);
  });

  it('leaves the input in its order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
