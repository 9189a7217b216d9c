import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  actorKind: AuditLog['actorKind'];
  actorId: string | null;
  action: string;
  memberId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>) {}

  /** Writes one entry; pass the caller's transaction manager so the entry commits with the change it records. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const run = manager ?? this.logs.manager;
    await run.query('INSERT INTO audit_log (actor_kind, actor_id, action, member_id, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)', [
      entry.actorKind,
      entry.actorId,
      entry.action,
      entry.memberId ?? null,
      JSON.stringify(entry.detail ?? {}),
      entry.ip ?? null,
    ]);
  }

  recentForMember(memberId: string, limit: number): Promise<AuditLog[]> {
    return this.logs.find({ where: { memberId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
