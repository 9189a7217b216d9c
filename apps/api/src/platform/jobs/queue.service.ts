import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PgBoss as PgBossType } from 'pg-boss';
import { DataSource } from 'typeorm';

export interface QueueDefinition<T extends object> {
  name: string;
  /** `singleton`: one job of the queue active at a time across all instances. */
  policy: 'standard' | 'singleton';
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
  handler: (data: T) => Promise<void>;
}

/**
 * Heavy fan-out work on a PostgreSQL job queue (pg-boss, schema `pgboss` in the API's database): jobs survive
 * restarts, a job whose worker died is handed to another after it expires, and failures are retried with backoff.
 * Every API instance works the queues it defines. Started lazily on the first definition, stopped at shutdown.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly log = new Logger(QueueService.name);
  private boss: PgBossType | null = null;
  private starting: Promise<PgBossType> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async define<T extends object>(q: QueueDefinition<T>): Promise<void> {
    const boss = await this.started();
    await boss.createQueue(q.name, {
      policy: q.policy,
      retryLimit: q.retryLimit,
      retryDelay: q.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: q.expireInSeconds,
    });
    await boss.work<T>(q.name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
      await q.handler(job.data);
    });
  }

  /** Queues a job; with a singleton key, a job with the same key already queued is not queued again. */
  async send(name: string, data: object, opts: { singletonKey?: string; startAfter?: Date } = {}): Promise<string | null> {
    const boss = await this.started();
    return boss.send(name, data, { ...(opts.singletonKey && { singletonKey: opts.singletonKey }), ...(opts.startAfter && { startAfter: opts.startAfter }) });
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (boss) await boss.stop({ graceful: true, timeout: 5000, close: true });
    this.boss = null;
  }

  private started(): Promise<PgBossType> {
    if (this.boss) return Promise.resolve(this.boss);
    this.starting ??= (async () => {
      const { PgBoss } = await import('pg-boss');
      const url = (this.db.options as { url?: string }).url;
      const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, application_name: 'glow-queue' });
      boss.on('error', (e: unknown) => this.log.error(`queue error: ${String(e)}`));
      await boss.start();
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }
}
