import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io for the chat gateway. With `REDIS_URL` every instance publishes room events through Redis, so a
 * member on one instance reaches an advisor on another; without it, rooms are local (one instance).
 */
export class ChatSocketAdapter extends IoAdapter {
  private readonly log = new Logger(ChatSocketAdapter.name);
  private redis: { pub: Redis; sub: Redis } | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl?: string,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.redisUrl) {
      const pub = new Redis(this.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
      const sub = pub.duplicate();
      pub.on('error', (e) => this.log.warn(`redis: ${e.message}`));
      sub.on('error', (e) => this.log.warn(`redis: ${e.message}`));
      this.redis = { pub, sub };
      server.adapter(createAdapter(pub, sub));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    if (this.redis) {
      this.redis.pub.disconnect();
      this.redis.sub.disconnect();
      this.redis = null;
    }
  }
}
