import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CreateProductDto,
  ErrorCode,
  type Paged,
  type ProductCard,
  type ProductImportReport,
  type ProductListQuery,
  type ProductResponse,
  type UpdateProductDto,
} from '@glow/contracts';
import {
  ALLERGEN_LABELS,
  ALLERGENS,
  PRODUCT_CATEGORIES,
  PRODUCT_CATEGORY_LABELS,
  type ProductCategory,
  type RecommendableProduct,
  SKIN_CONCERN_LABELS,
  SKIN_CONCERNS,
  SKIN_TYPE_LABELS,
  SKIN_TYPES,
} from '@glow/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type CellValue, Workbook, type Worksheet } from 'exceljs';
import { Brackets, In, QueryFailedError, Repository } from 'typeorm';
import { cellText } from '../../platform/excel/cell-text';
import { CatalogException } from './catalog.exception';
import { Product } from './product.entity';

const IMPORT_MAX_ROWS = 2000;
const UPSERT_BATCH = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ImportField = 'sku' | 'name' | 'line' | 'category' | 'priceFen' | 'images' | 'description' | 'suitableSkinTypes' | 'concerns' | 'allergens' | 'usageDays';
type ListField = 'suitableSkinTypes' | 'concerns' | 'allergens';

/**
 * The template's columns in order. `field` is what the API calls the column in row errors (the DTO property), `header`
 * the words printed on the template; `aliases` are other headers accepted when reading a file.
 */
const COLUMNS: { field: ImportField; header: string; required: boolean; width: number; aliases: string[]; note: string }[] = [
  { field: 'sku', header: 'SKU', required: true, width: 16, aliases: ['sku'], note: '3–32 位大写字母、数字或短横线，以字母或数字开头，如 GL-SK-001；已存在的 SKU 会被更新' },
  { field: 'name', header: '商品名称', required: true, width: 28, aliases: ['名称'], note: '不超过 60 个字' },
  { field: 'line', header: '系列', required: false, width: 12, aliases: [], note: '品牌系列，如 水光系列，不超过 30 个字' },
  { field: 'category', header: '分类', required: true, width: 8, aliases: ['类别'], note: '填写中文或代码，可选值见“填写说明”表' },
  { field: 'priceFen', header: '价格（元）', required: true, width: 12, aliases: ['价格'], note: '单位：元，最多两位小数，如 199 或 199.50' },
  { field: 'images', header: '图片', required: false, width: 30, aliases: [], note: '图片链接（https:// 开头），最多 9 张，多张用换行或逗号分隔' },
  { field: 'description', header: '描述', required: false, width: 40, aliases: [], note: '不超过 500 个字' },
  { field: 'suitableSkinTypes', header: '适合肤质', required: false, width: 22, aliases: [], note: '中文或代码，可填多个，用 , ， 、 或 / 分隔，可选值见“填写说明”表' },
  { field: 'concerns', header: '针对问题', required: false, width: 18, aliases: [], note: '中文或代码，可填多个，用 , ， 、 或 / 分隔，可选值见“填写说明”表' },
  { field: 'allergens', header: '致敏成分', required: false, width: 18, aliases: [], note: '产品含有的致敏成分，中文或代码，可填多个，用 , ， 、 或 / 分隔，可选值见“填写说明”表' },
  { field: 'usageDays', header: '使用天数', required: false, width: 10, aliases: [], note: '正常使用一件可用多少天（1–3650 的整数），用于复购提醒' },
];

const HEADER_OF = Object.fromEntries(COLUMNS.map((c) => [c.field, c.header])) as Record<ImportField, string>;

const VOCABULARIES: Record<ListField, { keys: readonly string[]; labels: Record<string, string> }> = {
  suitableSkinTypes: { keys: SKIN_TYPES, labels: SKIN_TYPE_LABELS },
  concerns: { keys: SKIN_CONCERNS, labels: SKIN_CONCERN_LABELS },
  allergens: { keys: ALLERGENS, labels: ALLERGEN_LABELS },
};

const EXAMPLE_ROW: Record<ImportField, string | number> = {
  sku: 'GL-EXAMPLE-01',
  name: '示例：水光玻尿酸保湿精华 30ml',
  line: '水光系列',
  category: PRODUCT_CATEGORY_LABELS.skincare,
  priceFen: 299,
  images: '',
  description: '多重玻尿酸深层补水，质地清爽好吸收。（示例行，导入前请删除或改成您的商品）',
  suitableSkinTypes: [SKIN_TYPE_LABELS.dry, SKIN_TYPE_LABELS.normal, SKIN_TYPE_LABELS.sensitive].join('、'),
  concerns: [SKIN_CONCERN_LABELS.dehydration, SKIN_CONCERN_LABELS.dullness].join('、'),
  allergens: '',
  usageDays: 60,
};

/** A row that passed validation, ready to be upserted; absent optional fields keep the stored value on update. */
interface ImportRow {
  sku: string;
  name: string;
  category: ProductCategory;
  price_fen: number;
  line?: string;
  images?: string[];
  description?: string;
  suitable_skin_types?: string[];
  concerns?: string[];
  allergens?: string[];
  usage_days?: number;
}

type RowError = ProductImportReport['errors'][number];

/** The product catalog: staff maintain it by hand or by Excel import; the skin module reads it for recommendations. */
@Injectable()
export class CatalogService {
  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  async list(query: ProductListQuery): Promise<Paged<ProductResponse>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.products.createQueryBuilder('p');
    // A NUL byte is not valid in a PostgreSQL string: drop it rather than fail the query.
    const q = query.q?.replace(/\0/g, '').trim();
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where('p.sku ILIKE :like', { like }).orWhere('p.name ILIKE :like', { like }).orWhere('p.line ILIKE :like', { like })));
    }
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.active) qb.andWhere('p.active = :active', { active: query.active === 'true' });
    const [rows, total] = await qb
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.sku', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toResponse), total, page, pageSize };
  }

  async get(id: string): Promise<ProductResponse> {
    return toResponse(await this.find(id));
  }

  /** Creates a product; a taken SKU is detected by the unique index, so two concurrent creates cannot both succeed. */
  async create(dto: CreateProductDto): Promise<ProductResponse> {
    const product = this.products.create({
      sku: dto.sku,
      name: requiredText(dto.name, 'name'),
      line: optionalText(dto.line),
      category: dto.category,
      priceFen: dto.priceFen,
      images: dto.images ?? [],
      description: optionalText(dto.description),
      suitableSkinTypes: dto.suitableSkinTypes ?? [],
      concerns: dto.concerns ?? [],
      allergens: dto.allergens ?? [],
      usageDays: dto.usageDays ?? null,
      active: true,
    });
    try {
      return toResponse(await this.products.save(product));
    } catch (e) {
      throw translateDatabaseError(e);
    }
  }

  /** Changes the given fields; `active: false` deactivates (products are never deleted: orders refer to them). */
  async update(id: string, dto: UpdateProductDto): Promise<ProductResponse> {
    const patch: Partial<Product> = {};
    if (dto.name !== undefined) patch.name = requiredText(dto.name, 'name');
    if (dto.line !== undefined) patch.line = optionalText(dto.line);
    if (dto.category !== undefined) patch.category = notNull(dto.category, 'category');
    if (dto.priceFen !== undefined) patch.priceFen = notNull(dto.priceFen, 'priceFen');
    if (dto.images !== undefined) patch.images = dto.images ?? [];
    if (dto.description !== undefined) patch.description = optionalText(dto.description);
    if (dto.suitableSkinTypes !== undefined) patch.suitableSkinTypes = dto.suitableSkinTypes ?? [];
    if (dto.concerns !== undefined) patch.concerns = dto.concerns ?? [];
    if (dto.allergens !== undefined) patch.allergens = dto.allergens ?? [];
    if (dto.usageDays !== undefined) patch.usageDays = dto.usageDays ?? null;
    if (dto.active !== undefined) patch.active = notNull(dto.active, 'active');
    if (Object.keys(patch).length > 0) {
      let affected: number | undefined;
      try {
        affected = (await this.products.update({ id }, patch)).affected;
      } catch (e) {
        throw translateDatabaseError(e);
      }
      if (!affected) throw new CatalogException(ErrorCode.ProductNotFound);
    }
    return this.get(id);
  }

  /** Active products as the recommendation rules need them. */
  async recommendable(): Promise<RecommendableProduct[]> {
    const rows = await this.products.find({ where: { active: true }, order: { sku: 'ASC' } });
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      category: p.category,
      suitableSkinTypes: p.suitableSkinTypes,
      concerns: p.concerns,
      allergens: p.allergens,
      active: p.active,
    }));
  }

  /** Products as members see them, by id; ids that name no product are absent from the map. */
  async cards(ids: string[]): Promise<Map<string, ProductCard>> {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await this.products.find({ where: { id: In(wanted) } });
    return new Map(rows.map((p) => [p.id, { id: p.id, sku: p.sku, name: p.name, line: p.line, category: p.category, priceFen: p.priceFen, image: p.images[0] ?? null }]));
  }

  /** The online shop: active products by line and name, optionally of one category. */
  async shop(category: ProductCategory | undefined, page: number, pageSize: number): Promise<Paged<ProductCard>> {
    const [rows, total] = await this.products.findAndCount({
      where: { active: true, ...(category ? { category } : {}) },
      order: { line: 'ASC', name: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map((p) => ({ id: p.id, sku: p.sku, name: p.name, line: p.line, category: p.category, priceFen: p.priceFen, image: p.images[0] ?? null })), total, page, pageSize };
  }

  /** Active products by SKU, for recording a purchase; SKUs that name no active product are absent. */
  async bySkus(skus: string[]): Promise<Map<string, { id: string; sku: string; name: string; category: ProductCategory; priceFen: number }>> {
    const wanted = [...new Set(skus)];
    if (wanted.length === 0) return new Map();
    const rows = await this.products.find({ where: { sku: In(wanted), active: true } });
    return new Map(rows.map((p) => [p.sku, { id: p.id, sku: p.sku, name: p.name, category: p.category, priceFen: p.priceFen }]));
  }

  /** The Excel template: the product sheet (header and one example row) and a sheet explaining every column. */
  async importTemplate(): Promise<Buffer> {
    const wb = new Workbook();
    wb.creator = 'Glow';
    const sheet = wb.addWorksheet('商品', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
    // SKUs like 0001 must stay text, not become the number 1.
    sheet.getColumn('sku').numFmt = '@';
    const header = sheet.getRow(1);
    header.font = { bold: true };
    COLUMNS.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE2E2' : 'FFEFEFEF' } };
      cell.note = `${c.required ? '必填' : '选填'}：${c.note}`;
    });
    // No drop-down list on 分类: exceljs 4.4 merges per-cell validations into overlapping ranges, which Excel repairs on open.
    sheet.addRow(EXAMPLE_ROW);

    const help = wb.addWorksheet('填写说明');
    help.columns = [
      { header: '列', key: 'a', width: 16 },
      { header: '是否必填', key: 'b', width: 22 },
      { header: '说明', key: 'c', width: 80 },
    ];
    help.getRow(1).font = { bold: true };
    for (const c of COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.note]);
    help.addRow([]);
    help.addRow(['说明', '', `第 1 行为表头，从第 2 行开始每行一个商品，每次最多 ${IMPORT_MAX_ROWS} 行，文件不超过 5 MB。`]);
    help.addRow(['', '', '按 SKU 导入：新的 SKU 会创建商品，已有的 SKU 会更新该商品；更新时留空的选填列保持原值不变。']);
    help.addRow(['', '', '有问题的行不会导入也不会修改任何数据，导入结果会列出行号和原因，修改后可重新上传整个文件。']);
    help.addRow(['', '', '分类、适合肤质、针对问题、致敏成分可以填中文，也可以填代码；多个值用 , ， 、 或 / 分隔。']);
    const vocabulary = (title: string, keys: readonly string[], labels: Record<string, string>) => {
      help.addRow([]);
      const head = help.addRow([title, '代码', '中文']);
      head.font = { bold: true };
      for (const key of keys) help.addRow(['', key, labels[key]]);
    };
    vocabulary('分类', PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS);
    vocabulary('适合肤质', SKIN_TYPES, SKIN_TYPE_LABELS);
    vocabulary('针对问题', SKIN_CONCERNS, SKIN_CONCERN_LABELS);
    vocabulary('致敏成分', ALLERGENS, ALLERGEN_LABELS);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /**
   * Imports an Excel file filled in from the template. Every row is validated as `CreateProductDto` would be, plus
   * SKUs repeated within the file; the valid rows are upserted by SKU in one transaction and the invalid ones are
   * reported with their sheet row number and change nothing.
   */
  async importXlsx(bytes: Buffer): Promise<ProductImportReport> {
    const sheet = await readProductSheet(bytes);
    const columns = headerColumns(sheet);
    const rows: { row: number; cells: Partial<Record<ImportField, CellValue>> }[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Partial<Record<ImportField, CellValue>> = {};
      for (const [field, col] of columns) cells[field] = row.getCell(col).value;
      if (Object.values(cells).some((v) => cellText(v) !== '')) rows.push({ row: rowNumber, cells });
    });
    if (rows.length === 0) throw new CatalogException(ErrorCode.ImportFileInvalid, 'no rows', { message: '文件中没有商品数据：第 1 行为表头，请从第 2 行开始填写' });
    if (rows.length > IMPORT_MAX_ROWS) {
      throw new CatalogException(ErrorCode.ImportFileInvalid, 'too many rows', { message: `每次最多导入 ${IMPORT_MAX_ROWS} 行，本文件有 ${rows.length} 行，请分批导入` });
    }

    const errors: RowError[] = [];
    const valid: { row: number; data: ImportRow }[] = [];
    const rowsBySku = new Map<string, number[]>();
    for (const r of rows) {
      const sku = cellText(r.cells.sku);
      if (sku) rowsBySku.set(sku, [...(rowsBySku.get(sku) ?? []), r.row]);
    }
    for (const r of rows) {
      const sku = cellText(r.cells.sku) || null;
      const parsed = await parseRow(r.cells);
      const duplicates = sku ? (rowsBySku.get(sku) ?? []) : [];
      if (duplicates.length > 1) parsed.errors.push({ field: 'sku', message: `SKU 在文件中重复出现（第 ${duplicates.join('、')} 行），请只保留一行` });
      if (parsed.errors.length > 0) errors.push(...parsed.errors.map((e) => ({ row: r.row, sku, ...e })));
      else if (parsed.data) valid.push({ row: r.row, data: parsed.data });
    }

    let created = 0;
    let updated = 0;
    if (valid.length > 0) {
      // Sorting by SKU makes concurrent imports lock rows in the same order, so they wait for each other instead of deadlocking.
      const data = valid.map((v) => v.data).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      await this.products.manager.transaction(async (tx) => {
        for (let from = 0; from < data.length; from += UPSERT_BATCH) {
          const result = await tx.query<{ created: boolean }[]>(UPSERT_SQL, [JSON.stringify(data.slice(from, from + UPSERT_BATCH))]);
          for (const r of result) {
            if (r.created) created++;
            else updated++;
          }
        }
      });
    }
    const failedRows = new Set(errors.map((e) => e.row));
    return { total: rows.length, created, updated, failed: failedRows.size, errors };
  }

  private async find(id: string): Promise<Product> {
    const p = await this.products.findOne({ where: { id } });
    if (!p) throw new CatalogException(ErrorCode.ProductNotFound);
    return p;
  }
}

/**
 * Upserts validated rows by SKU. An optional column left empty arrives as NULL (or no list) and keeps the stored
 * value on update. `xmax = 0` holds only for a row this statement inserted, which tells created from updated.
 */
const UPSERT_SQL = `
  INSERT INTO product (sku, name, line, category, price_fen, images, description, suitable_skin_types, concerns, allergens, usage_days)
  SELECT r.sku, r.name, r.line, r.category, r.price_fen, coalesce(r.images, '{}'), r.description,
         coalesce(r.suitable_skin_types, '{}'), coalesce(r.concerns, '{}'), coalesce(r.allergens, '{}'), r.usage_days
    FROM jsonb_to_recordset($1::jsonb) AS r(sku text, name text, line text, category text, price_fen integer, images text[], description text,
                                            suitable_skin_types text[], concerns text[], allergens text[], usage_days integer)
  ON CONFLICT (sku) DO UPDATE SET
    name = EXCLUDED.name,
    category = EXCLUDED.category,
    price_fen = EXCLUDED.price_fen,
    line = coalesce(EXCLUDED.line, product.line),
    description = coalesce(EXCLUDED.description, product.description),
    usage_days = coalesce(EXCLUDED.usage_days, product.usage_days),
    images = CASE WHEN cardinality(EXCLUDED.images) > 0 THEN EXCLUDED.images ELSE product.images END,
    suitable_skin_types = CASE WHEN cardinality(EXCLUDED.suitable_skin_types) > 0 THEN EXCLUDED.suitable_skin_types ELSE product.suitable_skin_types END,
    concerns = CASE WHEN cardinality(EXCLUDED.concerns) > 0 THEN EXCLUDED.concerns ELSE product.concerns END,
    allergens = CASE WHEN cardinality(EXCLUDED.allergens) > 0 THEN EXCLUDED.allergens ELSE product.allergens END,
    updated_at = now()
  RETURNING (xmax = 0) AS created`;

function toResponse(p: Product): ProductResponse {
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    line: p.line,
    category: p.category,
    priceFen: p.priceFen,
    images: p.images,
    description: p.description,
    suitableSkinTypes: p.suitableSkinTypes,
    concerns: p.concerns,
    allergens: p.allergens,
    usageDays: p.usageDays,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function invalid(field: string, problem: string): CatalogException {
  return new CatalogException(ErrorCode.ValidationFailed, `${field}: ${problem}`, { details: [{ field, problems: [problem] }] });
}

/** The DTOs let `null` through `@IsOptional()`; a column that cannot be empty must refuse it with a 400. */
function notNull<T>(value: T | null, field: string): T {
  if (value === null) throw invalid(field, 'isNotEmpty');
  return value;
}

function requiredText(value: string | null, field: string): string {
  const text = notNull(value, field).trim();
  if (!text) throw invalid(field, 'isNotEmpty');
  return text;
}

function optionalText(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/**
 * The DTO rules run first; this catches what only the database can tell: a taken SKU (the unique index decides,
 * so concurrent creates cannot both win), and input PostgreSQL refuses (NUL bytes, a length it counts differently).
 */
function translateDatabaseError(e: unknown): unknown {
  if (!(e instanceof QueryFailedError)) return e;
  const { code, constraint } = e.driverError as { code?: string; constraint?: string };
  if (code === '23505' && constraint === 'uq_product_sku') return new CatalogException(ErrorCode.SkuTaken);
  if (code?.startsWith('22') || code === '23514') return new CatalogException(ErrorCode.ValidationFailed, e.message);
  return e;
}

async function readProductSheet(bytes: Buffer): Promise<Worksheet> {
  // Every .xlsx is a zip archive; anything else is refused before the parser sees it.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new CatalogException(ErrorCode.ImportFileInvalid, 'not a zip');
  const wb = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy of the exact bytes is one (the Buffer may share a larger pool).
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (e) {
    throw new CatalogException(ErrorCode.ImportFileInvalid, e instanceof Error ? e.message : String(e));
  }
  const sheet = wb.getWorksheet('商品') ?? wb.worksheets[0];
  if (!sheet) throw new CatalogException(ErrorCode.ImportFileInvalid, 'no worksheet');
  return sheet;
}

/** Where each template column is in the header row; refuses files without the required columns. */
function headerColumns(sheet: Worksheet): Map<ImportField, number> {
  const byHeader = new Map<string, ImportField>();
  for (const c of COLUMNS) for (const h of [c.header, ...c.aliases]) byHeader.set(normalizeHeader(h), c.field);
  const found = new Map<ImportField, number>();
  const repeated = new Set<string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const field = byHeader.get(normalizeHeader(cellText(cell.value)));
    if (!field) return;
    if (found.has(field)) repeated.add(HEADER_OF[field]);
    found.set(field, col);
  });
  const missing = COLUMNS.filter((c) => c.required && !found.has(c.field)).map((c) => c.header);
  if (missing.length > 0) {
    throw new CatalogException(ErrorCode.ImportFileInvalid, 'missing columns', { message: `表头缺少：${missing.join('、')}。第 1 行须为表头，请使用导入模板` });
  }
  if (repeated.size > 0) throw new CatalogException(ErrorCode.ImportFileInvalid, 'repeated columns', { message: `表头重复：${[...repeated].join('、')}` });
  return found;
}

/** Header text without spaces or a required-mark star, with full-width brackets as ASCII, lower case. */
function normalizeHeader(text: string): string {
  return text
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

/** A cell of a formula or a plain number as a number, so 19.9 is not read back through its text. */
function cellNumber(value: CellValue): number | string {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value) && typeof value.result === 'number') return value.result;
  return cellText(value);
}

/** Yuan as typed (199, 199.5, ¥1,299.00) to fen; anything else becomes NaN and fails `@IsInt()`. */
function yuanToFen(value: CellValue): number | undefined {
  const raw = cellNumber(value);
  if (raw === '') return undefined;
  let yuan: number;
  if (typeof raw === 'number') yuan = raw;
  else {
    const text = raw.replace(/[\s,¥￥元]/g, '');
    yuan = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  }
  const fen = yuan * 100;
  // 19.99 × 100 is 1998.9999999999998 in binary floating point; anything with more than two decimals stays fractional.
  return Math.abs(fen - Math.round(fen)) < 1e-6 ? Math.round(fen) : fen;
}

function wholeNumber(value: CellValue): number | undefined {
  const raw = cellNumber(value);
  if (raw === '') return undefined;
  if (typeof raw === 'number') return raw;
  const text = raw.replace(/[\s天]/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

function vocabularyToken(text: string): string {
  return text.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/** Maps each key and Chinese label (and a skin type without 肌肤, e.g. 干性) to its key. */
function vocabularyIndex(keys: readonly string[], labels: Record<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const key of keys) {
    index.set(vocabularyToken(key), key);
    index.set(vocabularyToken(labels[key]), key);
    if (labels[key].endsWith('肌肤')) index.set(vocabularyToken(labels[key].slice(0, -2)), key);
  }
  return index;
}

const CATEGORY_INDEX = vocabularyIndex(PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS);
const LIST_INDEX: Record<ListField, Map<string, string>> = {
  suitableSkinTypes: vocabularyIndex(SKIN_TYPES, SKIN_TYPE_LABELS),
  concerns: vocabularyIndex(SKIN_CONCERNS, SKIN_CONCERN_LABELS),
  allergens: vocabularyIndex(ALLERGENS, ALLERGEN_LABELS),
};

/** A list cell (`干性肌肤、dry/油性`) as keys; unknown words are kept as typed so validation reports them. */
function listCell(field: ListField, value: CellValue): string[] | undefined {
  const text = cellText(value);
  if (!text) return undefined;
  const index = LIST_INDEX[field];
  const items = text
    .split(/[,，、/;；\n]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => index.get(vocabularyToken(t)) ?? t);
  return [...new Set(items)];
}

function imagesCell(value: CellValue): string[] | undefined {
  const text = cellText(value);
  if (!text) return undefined;
  return text.split(/[\s,，、;；]+/).filter(Boolean);
}

/** Code points, as PostgreSQL counts `varchar(n)`; class-validator's length skips variation selectors. */
function tooLong(text: string | undefined, max: number): boolean {
  return text !== undefined && [...text].length > max;
}

/** One sheet row as a `CreateProductDto`, validated by its class-validator rules; problems come back in Chinese. */
async function parseRow(cells: Partial<Record<ImportField, CellValue>>): Promise<{ data?: ImportRow; errors: { field: string; message: string }[] }> {
  const text = (field: ImportField) => cellText(cells[field] ?? null) || undefined;
  const categoryText = text('category');
  const plain = {
    sku: text('sku'),
    name: text('name'),
    line: text('line'),
    category: categoryText === undefined ? undefined : (CATEGORY_INDEX.get(vocabularyToken(categoryText)) ?? categoryText),
    priceFen: yuanToFen(cells.priceFen ?? null),
    images: imagesCell(cells.images ?? null),
    description: text('description'),
    suitableSkinTypes: listCell('suitableSkinTypes', cells.suitableSkinTypes ?? null),
    concerns: listCell('concerns', cells.concerns ?? null),
    allergens: listCell('allergens', cells.allergens ?? null),
    usageDays: wholeNumber(cells.usageDays ?? null),
  };
  const dto = plainToInstance(CreateProductDto, plain);
  const failed = new Set((await validate(dto)).map((e) => e.property as ImportField));
  if (tooLong(plain.name, 60)) failed.add('name');
  if (tooLong(plain.line, 30)) failed.add('line');
  if (tooLong(plain.description, 500)) failed.add('description');
  const errors = COLUMNS.filter((c) => failed.has(c.field)).map((c) => ({ field: c.field, message: problemMessage(c.field, plain) }));
  if (errors.length > 0) return { errors };
  return {
    errors,
    data: {
      sku: dto.sku,
      name: dto.name,
      category: dto.category,
      price_fen: dto.priceFen,
      line: dto.line ?? undefined,
      images: dto.images,
      description: dto.description ?? undefined,
      suitable_skin_types: dto.suitableSkinTypes,
      concerns: dto.concerns,
      allergens: dto.allergens,
      usage_days: dto.usageDays ?? undefined,
    },
  };
}

function problemMessage(field: ImportField, plain: Record<ImportField, unknown>): string {
  const value = plain[field];
  if (value === undefined) return field === 'sku' ? '请填写 SKU' : `请填写${HEADER_OF[field]}`;
  switch (field) {
    case 'sku':
      return 'SKU 须为 3–32 位大写字母、数字或短横线（-），且以字母或数字开头';
    case 'name':
      return '商品名称不能超过 60 个字';
    case 'line':
      return '系列不能超过 30 个字';
    case 'description':
      return '描述不能超过 500 个字';
    case 'category':
      return `无法识别的分类“${String(value)}”，可填：${PRODUCT_CATEGORIES.map((c) => PRODUCT_CATEGORY_LABELS[c]).join('、')}`;
    case 'priceFen':
      return '价格须为 0 到 1000000 元之间的金额，最多两位小数';
    case 'images':
      return '图片须为 https:// 开头的链接，最多 9 张，多张用换行或逗号分隔';
    case 'usageDays':
      return '使用天数须为 1 到 3650 之间的整数';
    case 'suitableSkinTypes':
    case 'concerns':
    case 'allergens': {
      const { keys, labels } = VOCABULARIES[field];
      const unknown = (value as string[]).filter((v) => !keys.includes(v));
      return `${HEADER_OF[field]}中有无法识别的值：${unknown.join('、')}；可填：${keys.map((k) => labels[k]).join('、')}`;
    }
  }
}
