import { Body, Controller, Get, HttpCode, Logger, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ErrorCode } from '@glow/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../../platform/auth/auth.decorators';
import { AppConfig } from '../../platform/config/app-config';
import { decryptPush, pushMessageSignatureValid, pushSignatureValid } from '../../platform/wechat/wechat-push.crypto';
import { ChatFlow, type WechatInbound } from './chat-flow';
import { ServiceException } from './service.exception';

type PushQuery = { signature?: string; timestamp?: string; nonce?: string; echostr?: string; encrypt_type?: string; msg_signature?: string };

/** Pushes older than this are refused (replays); WeChat retries within seconds. */
const MAX_AGE_SECONDS = 300;

/** Reads `<Tag><![CDATA[value]]></Tag>` or `<Tag>value</Tag>` from WeChat's flat XML documents. */
function xmlField(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${tag}>`).exec(xml);
  return m ? (m[1] ?? m[2]) : undefined;
}

function parseDocument(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    // MsgId is a 64-bit integer: keep it as a string rather than let JSON.parse round it.
    const safe = trimmed.replace(/"MsgId"\s*:\s*(\d+)/, '"MsgId":"$1"');
    const parsed = JSON.parse(safe) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  const fields = ['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'Content', 'MsgId', 'PicUrl', 'MediaId', 'Title', 'AppId', 'PagePath', 'ThumbUrl', 'Event', 'SessionFrom', 'Encrypt'];
  return Object.fromEntries(fields.flatMap((f) => (xmlField(trimmed, f) !== undefined ? [[f, xmlField(trimmed, f) as string]] : [])));
}

/**
 * WeChat message push for customer service (reference/wechat-protocol.md §6): the GET verifies the URL by echoing
 * `echostr`; POSTs carry messages in plain or safe (AES) mode, JSON or XML. Forged or stale signatures get 401;
 * a verified push is answered `success` once stored (WeChat retries otherwise, and MsgId dedupes the retries).
 */
@ApiExcludeController()
@Controller('wechat/push')
export class WechatPushController {
  private readonly logger = new Logger(WechatPushController.name);

  constructor(
    private readonly config: AppConfig,
    private readonly flow: ChatFlow,
  ) {}

  // Plain-text answers are set on success only: an error still goes out as the usual JSON `{ code, message }`.
  @Public()
  @Get()
  verify(@Query() q: PushQuery, @Res({ passthrough: true }) reply: FastifyReply): string {
    if (!q.signature || !q.timestamp || !q.nonce || q.echostr === undefined || !pushSignatureValid(this.config.wechatPushToken, q.timestamp, q.nonce, q.signature)) {
      throw new ServiceException(ErrorCode.WechatPushInvalid);
    }
    void reply.header('content-type', 'text/plain; charset=utf-8');
    return q.echostr;
  }

  @Public()
  @Post()
  @HttpCode(200)
  async receive(@Query() q: PushQuery, @Body() raw: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (!q.signature || !q.timestamp || !q.nonce || !/^\d{1,12}$/.test(q.timestamp) || !pushSignatureValid(this.config.wechatPushToken, q.timestamp, q.nonce, q.signature)) {
      throw new ServiceException(ErrorCode.WechatPushInvalid);
    }
    if (Math.abs(Date.now() / 1000 - Number(q.timestamp)) > MAX_AGE_SECONDS) throw new ServiceException(ErrorCode.WechatPushInvalid);
    let doc: Record<string, string>;
    try {
      const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : JSON.stringify(raw ?? {});
      doc = parseDocument(text);
      if (q.encrypt_type === 'aes' || doc['Encrypt']) {
        const encrypted = doc['Encrypt'];
        if (!encrypted || !q.msg_signature || !pushMessageSignatureValid(this.config.wechatPushToken, q.timestamp, q.nonce, encrypted, q.msg_signature)) {
          throw new ServiceException(ErrorCode.WechatPushInvalid);
        }
        const plain = decryptPush(this.config.wechatPushAesKey, encrypted, this.config.wechatAppId);
        if (plain === null) throw new ServiceException(ErrorCode.WechatPushInvalid);
        doc = parseDocument(plain);
      }
    } catch (e) {
      if (e instanceof ServiceException) throw e;
      throw new ServiceException(ErrorCode.BadRequest);
    }
    const type = doc['MsgType'];
    const openid = doc['FromUserName'];
    if (!openid) throw new ServiceException(ErrorCode.BadRequest);
    if (type === 'text' || type === 'image' || type === 'miniprogrampage' || (type === 'event' && doc['Event'] === 'user_enter_tempsession')) {
      const inbound: WechatInbound = {
        openid,
        msgType: type,
        event: doc['Event'],
        content: doc['Content'],
        picUrl: doc['PicUrl'],
        title: doc['Title'],
        pagePath: doc['PagePath'],
        msgId: doc['MsgId'],
        createTime: Number(doc['CreateTime'] ?? 0),
      };
      await this.flow.wechatInbound(inbound);
    } else {
      this.logger.debug(`push of type ${type ?? '?'} ignored`);
    }
    void reply.header('content-type', 'text/plain; charset=utf-8');
    return 'success';
  }
}
