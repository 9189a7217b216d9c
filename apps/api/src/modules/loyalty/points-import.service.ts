import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type PointsImportView } from '@glow/contracts';
import { maskPhone, normalizePhone } from '@glow/domain';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { AuditService } from '../../platform/audit/audit.service';
import { PhoneCipher } from '../../platform/crypto/phone-cipher';
import { cellText } from '../../platform/excel/cell-text';
import { LoyaltyException } from './loyalty.exception';
import { LoyaltyService } from './loyalty.service';
import { PointsImport } from './reward.entity';

const MAX_ROWS = 20_000;
const BATCH = 200;
const MAX_POINTS = 1_000_000;
const HEADERS = { phone: ['手机号', '手机号码', 'phone'], points: ['期初积分', '积分', 'points'], note: ['备注', 'note'] };

interface Row {
  row: number;
  phone: string;
  points: number;
  note: string;
}

/**
 * Opening balances from an Excel file (手机号, 期初积分, 备注). The file is checked at once; valid rows are then
 * credited in batches in the background, each batch in its own transaction, and the import row records the
 * progress the console polls. One opening balance per member, so a file imported twice credits nobody twice.
 */
@Injectable()
export class PointsImportService {
  private readonly log = new Logger(PointsImportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loyalty: LoyaltyService,
    private readonly phones: PhoneCipher,
    private readonly audit: AuditService,
  ) {}

  async template(): Promise<Buffer> {
    const wb = new Workbook();
    wb.creator = 'Glow';
    const sheet = wb.addWorksheet('期初积分');
    sheet.columns = [
      { header: '手机号', key: 'phone', width: 16 },
      { header: '期初积分', key: 'points', width: 12 },
      { header: '备注', key: 'note', width: 30 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.addRow({ phone: '13800138000', points: 1200, note: '旧系统迁移' });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Checks the file and starts crediting; answers at once with the import to poll. */
  async start(who: StaffPrincipal, fileName: string, bytes: Buffer): Promise<PointsImportView> {
    const { rows, errors } = await this.parse(bytes);
    const [made] = await this.db.query<{ id: string }[]>(
      `INSERT INTO points_import (file_name, total, processed, errors, staff_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [fileName.slice(0, 120), rows.length + errors.length, errors.length, JSON.stringify(errors), who.staffId],
    );
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'points.import', detail: { importId: made.id, rows: rows.length } });
    void this.run(made.id, rows).catch(async (e: unknown) => {
      this.log.error(`points import ${made.id} failed: ${e instanceof Error ? e.stack : String(e)}`);
      await this.db.query(`UPDATE points_import SET status = 'failed', finished_at = now() WHERE id = $1`, [made.id]);
    });
    return this.get(made.id);
  }

  async get(id: string): Promise<PointsImportView> {
    const row = await this.db.getRepository(PointsImport).findOne({ where: { id } });
    if (!row) throw new LoyaltyException(ErrorCode.PointsImportNotFound);
    return {
      id: row.id,
      fileName: row.fileName,
      status: row.status,
      total: row.total,
      processed: row.processed,
      imported: row.imported,
      errors: row.errors,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  private async run(importId: string, rows: Row[]): Promise<void> {
    for (let from = 0; from < rows.length; from += BATCH) {
      const batch = rows.slice(from, from + BATCH);
      const errors: { row: number; phone: string; message: string }[] = [];
      let imported = 0;
      const hashes = batch.map((r) => this.phones.blindIndex(r.phone));
      const members = await this.db.query<{ id: string; phone_hash: string }[]>(
        `SELECT id, phone_hash FROM member WHERE phone_hash = ANY($1) AND deleted_at IS NULL`,
        [hashes],
      );
      const byHash = new Map(members.map((m) => [m.phone_hash, m.id]));
      await this.db.transaction(async (tx) => {
        for (const [i, r] of batch.entries()) {
          const memberId = byHash.get(hashes[i]);
          if (!memberId) errors.push({ row: r.row, phone: maskPhone(r.phone), message: '该手机号未注册会员' });
          else if (await this.loyalty.creditOpening(tx, memberId, r.points, r.note, importId)) imported++;
          else errors.push({ row: r.row, phone: maskPhone(r.phone), message: '该会员已导入过期初积分，本行未重复入账' });
        }
      });
      await this.db.query(
        `UPDATE points_import SET processed = processed + $2, imported = imported + $3, errors = errors || $4::jsonb WHERE id = $1`,
        [importId, batch.length, imported, JSON.stringify(errors)],
      );
    }
    await this.db.query(`UPDATE points_import SET status = 'done', finished_at = now() WHERE id = $1`, [importId]);
  }

  private async parse(bytes: Buffer): Promise<{ rows: Row[]; errors: { row: number; phone: string; message: string }[] }> {
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new LoyaltyException(ErrorCode.ImportFileInvalid, 'not a zip');
    const wb = new Workbook();
    try {
      await wb.xlsx.load(new Uint8Array(bytes).buffer);
    } catch (e) {
      throw new LoyaltyException(ErrorCode.ImportFileInvalid, e instanceof Error ? e.message : String(e));
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw new LoyaltyException(ErrorCode.ImportFileInvalid, 'no worksheet');
    const col: Partial<Record<keyof typeof HEADERS, number>> = {};
    sheet.getRow(1).eachCell((cell, n) => {
      const h = cellText(cell.value).replace(/\s/g, '').toLowerCase();
      for (const [field, names] of Object.entries(HEADERS)) if (names.includes(h)) col[field as keyof typeof HEADERS] = n;
    });
    const phoneCol = col.phone;
    const pointsCol = col.points;
    if (!phoneCol || !pointsCol) {
      throw new LoyaltyException(ErrorCode.ImportFileInvalid, 'missing columns', { message: '表头须包含“手机号”和“期初积分”两列，请下载模板填写' });
    }
    const rows: Row[] = [];
    const errors: { row: number; phone: string; message: string }[] = [];
    const seen = new Map<string, number>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const rawPhone = cellText(row.getCell(phoneCol).value);
      const rawPoints = cellText(row.getCell(pointsCol).value);
      const note = col.note ? cellText(row.getCell(col.note).value).slice(0, 60) : '';
      if (!rawPhone && !rawPoints) return;
      const phone = normalizePhone(rawPhone.replace(/^\+?86/, ''));
      const points = /^\d+$/.test(rawPoints) ? Number(rawPoints) : NaN;
      if (!phone) errors.push({ row: n, phone: rawPhone.slice(0, 20), message: '手机号格式不正确' });
      else if (!Number.isInteger(points) || points <= 0 || points > MAX_POINTS) errors.push({ row: n, phone: maskPhone(phone), message: `期初积分须为 1–${MAX_POINTS} 的整数` });
      else if (seen.has(phone)) errors.push({ row: n, phone: maskPhone(phone), message: `手机号与第 ${seen.get(phone)} 行重复` });
      else {
        seen.set(phone, n);
        rows.push({ row: n, phone, points, note });
      }
    });
    if (rows.length + errors.length === 0) throw new LoyaltyException(ErrorCode.ImportFileInvalid, 'no rows', { message: '文件中没有数据：第 1 行为表头，请从第 2 行开始填写' });
    if (rows.length + errors.length > MAX_ROWS) {
      throw new LoyaltyException(ErrorCode.ImportFileInvalid, 'too many rows', { message: `每次最多导入 ${MAX_ROWS} 行，请分批导入` });
    }
    return { rows, errors };
  }
}
