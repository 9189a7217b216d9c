import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type JobResult = Record<string, number | string>;

export interface JobOutcome {
  name: string;
  /** False when another instance held the job's lock, so this run did nothing. */
  ran: boolean;
  result: JobResult | null;
  startedAt: string;
  finishedAt: string;
}

/**
 * Runs named jobs once across all API instances: each run holds a PostgreSQL session advisory lock keyed by the
 * job name on its own connection, and an instance that cannot take it skips the run. Modules register their jobs
 * at start so admins can also run them by name.
 */
@Injectable()
export class JobRunner {
  private readonly log = new Logger(JobRunner.name);
  private readonly jobs = new Map<string, () => Promise<JobResult>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  register(name: string, run: () => Promise<JobResult>): void {
    if (this.jobs.has(name)) throw new Error(`job ${name} registered twice`);
    this.jobs.set(name, run);
  }

  names(): string[] {
    return [...this.jobs.keys()].sort();
  }

  has(name: string): boolean {
    return this.jobs.has(name);
  }

  async run(name: string): Promise<JobOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    const startedAt = new Date().toISOString();
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [`glow:job:${name}`])) as { locked: boolean }[];
      if (!locked) {
        this.log.log(`job ${name} is running elsewhere; skipped`);
        return { name, ran: false, result: null, startedAt, finishedAt: new Date().toISOString() };
      }
      try {
        const result = await job();
        // A run that found nothing to do (every count 0) is only worth a debug line: some jobs run every 30 s.
        const idle = Object.values(result).every((v) => v === 0);
        if (idle) this.log.debug({ job: name, result }, `job ${name} done`);
        else this.log.log({ job: name, result }, `job ${name} done`);
        return { name, ran: true, result, startedAt, finishedAt: new Date().toISOString() };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`glow:job:${name}`]);
      }
    } finally {
      await runner.release();
    }
  }
}
