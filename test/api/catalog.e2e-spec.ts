import { randomBytes } from 'node:crypto';
import { ALLERGEN_LABELS, PRODUCT_CATEGORY_LABELS, SKIN_CONCERN_LABELS, SKIN_TYPE_LABELS } from '@glow/domain';
import type { CreateProductDto, Paged, ProductImportReport, ProductResponse } from '@glow/contracts';
import { type CellValue, Workbook } from 'exceljs';
import type { DataSource } from 'typeorm';
import { CatalogService } from '../../apps/api/src/modules/catalog/catalog.service';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, join, newWechatUser, staffLogin } from '../support/wechat-user';

/** SKUs of this run: test files share one database, so every product made here carries a random prefix. */
const PREFIX = `T${randomBytes(3).toString('hex').toUpperCase()}`;
const sku = (s: string) => `${PREFIX}-${s}`;

const HEADERS = ['SKU', '商品名称', '系列', '分类', '价格（元）', '图片', '描述', '适合肤质', '针对问题', '致敏成分', '使用天数'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Builds an .xlsx the way a marketer would fill in the template: a header row, then one product per row. */
async function xlsx(rows: CellValue[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet('商品');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(bytes: Buffer): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

describe('The product catalog', () => {
  let stack: Stack;
  let db: DataSource;
  let marketer: string;
  let admin: string;
  let advisor: string;
  let manager: string;
  let member: string;

  beforeAll(async () => {
    stack = await startStack();
    db = await e2eDataSource();
    [marketer, admin, advisor, manager] = await Promise.all(['marketer', 'admin', 'advisor1', 'manager1'].map(async (u) => (await staffLogin(stack, u)).accessToken));
    member = (await join(stack, await newWechatUser(stack))).session.accessToken;
  });
  afterAll(async () => {
    // Leave nothing of this run in what members are recommended by the suites that run after this one.
    await db.query(`UPDATE product SET active = false WHERE sku LIKE $1`, [`${PREFIX}-%`]);
    await db.destroy();
    await stack.close();
  });

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const create = (token: string, body: object) => api(stack).post('/api/staff/products').set(as(token)).send(body);
  const patch = (token: string, id: string, body: object) => api(stack).patch(`/api/staff/products/${id}`).set(as(token)).send(body);
  const list = async (token: string, query: string) => (await api(stack).get(`/api/staff/products?${query}`).set(as(token)).expect(200)).body as Paged<ProductResponse>;
  const upload = (token: string, bytes: Buffer, filename = 'products.xlsx') =>
    api(stack).post('/api/staff/products/import').set(as(token)).attach('file', bytes, { filename, contentType: XLSX_TYPE });
  const stored = async (s: string) => (await db.query<Record<string, unknown>[]>(`SELECT * FROM product WHERE sku = $1`, [s]))[0];
  const countBySku = async (s: string) => Number((await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM product WHERE sku = $1`, [s]))[0].n);

  const serum = (s: string): CreateProductDto => ({
    sku: s,
    name: '水光玻尿酸原液精华 30ml',
    line: '水光系列',
    category: 'skincare',
    priceFen: 29900,
    images: ['https://cdn.example.com/p/serum-1.jpg', '/api/media/products/serum-2.jpg'],
    description: '高浓度玻尿酸原液，一抹化水。',
    suitableSkinTypes: ['dry', 'sensitive'],
    concerns: ['dehydration'],
    allergens: [],
    usageDays: 45,
  });

  it('a marketer creates a product; every staff member reads it and finds it in the list', async () => {
    const res = await create(marketer, serum(sku('SERUM')));
    expect(res.status).toBe(201);
    const product = res.body as ProductResponse;
    expect(product).toMatchObject({ ...serum(sku('SERUM')), active: true });
    expect(product.id).toMatch(/^[0-9a-f-]{36}$/);

    const row = await stored(sku('SERUM'));
    expect(row).toMatchObject({ id: product.id, name: '水光玻尿酸原液精华 30ml', price_fen: 29900, suitable_skin_types: ['dry', 'sensitive'], concerns: ['dehydration'], usage_days: 45, active: true });

    for (const token of [advisor, manager, admin, marketer]) {
      const one = await api(stack).get(`/api/staff/products/${product.id}`).set(as(token)).expect(200);
      expect(one.body).toEqual(product);
      const page = await list(token, `q=${PREFIX}-SERUM`);
      expect(page.items.map((p) => p.id)).toEqual([product.id]);
    }
  });

  it('an admin may create too; a SKU already taken is a 409 and stays one product, even when created at the same time', async () => {
    const first = await create(admin, { ...serum(sku('DUP')), name: '第一个' });
    expect(first.status).toBe(201);
    const again = await create(marketer, { ...serum(sku('DUP')), name: '第二个' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 'PRODUCT_SKU_TAKEN', message: '该 SKU 已存在' });
    expect((await stored(sku('DUP'))).name).toBe('第一个');

    const racing = await Promise.all(Array.from({ length: 5 }, (_, i) => create(marketer, { ...serum(sku('RACE')), name: `并发 ${i}` })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await countBySku(sku('RACE'))).toBe(1);
  });

  it.each([
    ['a negative price', { priceFen: -1 }, 'priceFen'],
    ['a price that is not whole fen', { priceFen: 19.9 }, 'priceFen'],
    ['an unknown category', { category: 'food' }, 'category'],
    ['a lower-case SKU', { sku: 'gl-sk-bad' }, 'sku'],
    ['a SKU with spaces', { sku: 'GL SK 1' }, 'sku'],
    ['an unknown concern', { concerns: ['dehydration', 'hair_loss'] }, 'concerns'],
    ['an unknown skin type', { suitableSkinTypes: ['greasy'] }, 'suitableSkinTypes'],
    ['an image that is not https', { images: ['http://cdn.example.com/a.jpg'] }, 'images'],
    ['a usage of zero days', { usageDays: 0 }, 'usageDays'],
    ['a missing name', { name: undefined }, 'name'],
    ['a field the API does not know', { stock: 12 }, 'stock'],
  ])('%s is refused with 400 VALIDATION_FAILED and nothing is stored', async (_, change, field) => {
    const s = 'sku' in change ? String(change.sku) : sku(`BAD-${field.toUpperCase()}`);
    const res = await create(marketer, { ...serum(sku(`BAD-${field.toUpperCase()}`)), ...change });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countBySku(s)).toBe(0);
  });

  it('a blank name or a NUL byte is a 400, never a 500', async () => {
    const blank = await create(marketer, { ...serum(sku('BLANK')), name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('VALIDATION_FAILED');
    const nul = await create(marketer, { ...serum(sku('NUL')), description: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.body.code).toBe('BAD_REQUEST');
    expect(await countBySku(sku('BLANK'))).toBe(0);
    expect(await countBySku(sku('NUL'))).toBe(0);
    const search = await api(stack).get(`/api/staff/products?q=${encodeURIComponent('a\u0000')}`).set(as(advisor));
    expect(search.status).toBe(400);
  });

  it('advisors and store managers read the catalog but cannot change it; members cannot see it at all', async () => {
    const { body: product } = await create(marketer, serum(sku('ROLES'))).expect(201);
    const template = '/api/staff/products/import-template';
    for (const token of [advisor, manager]) {
      const refused = [
        await create(token, serum(sku(`ROLES-${token === advisor ? 'A' : 'M'}`))),
        await patch(token, product.id, { priceFen: 1 }),
        await upload(token, await xlsx([[sku('ROLES-X'), '名称', '', '护肤', 10]])),
        await api(stack).get(template).set(as(token)),
      ];
      for (const res of refused) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('AUTH_FORBIDDEN');
      }
    }
    for (const res of [
      await api(stack).get('/api/staff/products').set(as(member)),
      await api(stack).get(`/api/staff/products/${product.id}`).set(as(member)),
      await create(member, serum(sku('ROLES-MEMBER'))),
      await patch(member, product.id, { priceFen: 1 }),
    ]) {
      expect(res.status).toBe(403);
    }
    const anonymous = await api(stack).get('/api/staff/products');
    expect(anonymous.status).toBe(401);
    expect((await stored(sku('ROLES'))).price_fen).toBe(29900);
    expect(await countBySku(sku('ROLES-A'))).toBe(0);
    expect(await countBySku(sku('ROLES-MEMBER'))).toBe(0);
    expect(await countBySku(sku('ROLES-X'))).toBe(0);
  });

  it('an unknown or malformed product id is a 404 PRODUCT_NOT_FOUND, for reading and for changing', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1'; DROP TABLE product;--"]) {
      const read = await api(stack).get(`/api/staff/products/${encodeURIComponent(id)}`).set(as(advisor));
      expect(read.status).toBe(404);
      expect(read.body.code).toBe('PRODUCT_NOT_FOUND');
      const changed = await patch(marketer, encodeURIComponent(id), { priceFen: 100 });
      expect(changed.status).toBe(404);
      expect(changed.body.code).toBe('PRODUCT_NOT_FOUND');
    }
  });

  it('a marketer edits a product; the SKU cannot change and required fields cannot be emptied', async () => {
    const { body: product } = await create(marketer, serum(sku('EDIT'))).expect(201);
    const res = await patch(admin, product.id, { priceFen: 25900, concerns: ['dehydration', 'dullness'], line: null, images: [] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: product.id, sku: sku('EDIT'), priceFen: 25900, concerns: ['dehydration', 'dullness'], line: null, images: [], name: product.name });
    expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(new Date(product.updatedAt).getTime());
    expect(await stored(sku('EDIT'))).toMatchObject({ price_fen: 25900, line: null, images: [] });

    for (const body of [{ sku: sku('EDIT2') }, { name: null }, { category: null }, { priceFen: -5 }, { concerns: ['unknown'] }, { active: 'no' }]) {
      const bad = await patch(marketer, product.id, body);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await stored(sku('EDIT'))).toMatchObject({ sku: sku('EDIT'), name: product.name, category: 'skincare', price_fen: 25900, concerns: ['dehydration', 'dullness'], active: true });
  });

  it('a deactivated product stays (orders refer to it), shows under active=false and is no longer recommendable', async () => {
    const { body: product } = await create(marketer, serum(sku('OFF'))).expect(201);
    const catalog = stack.app.get(CatalogService);
    expect((await catalog.recommendable()).find((p) => p.id === product.id)).toEqual({
      id: product.id,
      name: product.name,
      category: 'skincare',
      suitableSkinTypes: ['dry', 'sensitive'],
      concerns: ['dehydration'],
      allergens: [],
      active: true,
    });

    const off = await patch(marketer, product.id, { active: false }).expect(200);
    expect(off.body.active).toBe(false);
    expect((await list(advisor, `q=${PREFIX}-OFF&active=false`)).items.map((p) => p.id)).toEqual([product.id]);
    expect((await list(advisor, `q=${PREFIX}-OFF&active=true`)).items).toEqual([]);
    expect((await list(advisor, `q=${PREFIX}-OFF`)).items.map((p) => p.id)).toEqual([product.id]);
    expect((await catalog.recommendable()).some((p) => p.id === product.id)).toBe(false);
    expect(await countBySku(sku('OFF'))).toBe(1);

    // Cards still describe it: a member may be looking at a list served before it was deactivated.
    const cards = await catalog.cards([product.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']);
    expect([...cards.keys()]).toEqual([product.id]);
    expect(cards.get(product.id)).toEqual({ id: product.id, sku: sku('OFF'), name: product.name, line: '水光系列', category: 'skincare', priceFen: 29900, image: 'https://cdn.example.com/p/serum-1.jpg' });
    expect(await catalog.cards([])).toEqual(new Map());
  });

  it('searches SKU, name and line case-insensitively, with LIKE wildcards taken literally, filtered and newest first', async () => {
    const made: ProductResponse[] = [];
    for (const [suffix, name, line, category] of [
      ['Q1', '丝绒哑光口红 #01 正红', '光采彩妆', 'makeup'],
      ['Q2', '限定 50% 折扣装洁面', '水光系列', 'skincare'],
      ['Q3', '白茶淡香水 50ml', 'Glow_Lab 香氛', 'fragrance'],
    ] as const) {
      made.push((await create(marketer, { ...serum(sku(suffix)), name, line, category }).expect(201)).body);
    }
    const ids = (page: Paged<ProductResponse>) => page.items.map((p) => p.id);
    expect(ids(await list(advisor, `q=${PREFIX.toLowerCase()}-q`))).toEqual([made[2].id, made[1].id, made[0].id]);
    expect(ids(await list(advisor, `q=${PREFIX}-Q&category=makeup`))).toEqual([made[0].id]);
    expect(ids(await list(advisor, `q=${encodeURIComponent('50% 折扣')}`))).toContain(made[1].id);
    expect(ids(await list(advisor, `q=${encodeURIComponent('glow_lab')}`))).toEqual([made[2].id]);
    // `_` and `%` are literal: "glow%lab" matches nothing although "Glow_Lab" would match the pattern glow%lab.
    expect(ids(await list(advisor, `q=${encodeURIComponent('glow%lab')}`))).toEqual([]);
    expect(ids(await list(advisor, `q=${encodeURIComponent('glow_lab')}&category=skincare`))).toEqual([]);

    const paged = await list(advisor, `q=${PREFIX}-Q&pageSize=2&page=2`);
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(paged)).toEqual([made[0].id]);
    const all = await list(advisor, 'pageSize=50');
    expect(all.total).toBeGreaterThanOrEqual(80);
    const created = all.items.map((p) => p.createdAt);
    expect([...created].sort().reverse()).toEqual(created);

    for (const query of ['category=food', 'active=yes', 'pageSize=500', 'page=0', 'q=', 'unknown=1']) {
      const bad = await api(stack).get(`/api/staff/products?${query}`).set(as(advisor));
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('imports an Excel file: valid rows are created or updated by SKU, every invalid row is reported and changes nothing', async () => {
    const { body: existing } = await create(marketer, { ...serum(sku('IMP-OLD')), description: '原来的描述' }).expect(201);
    const file = await xlsx([
      /* 2 */ [sku('IMP-NEW'), '舒敏修护霜 50g', '舒敏系列', '护肤', 369, 'https://cdn.example.com/a.jpg\nhttps://cdn.example.com/b.jpg', '修护屏障', '敏感肌肤、干性/dry', '泛红，缺水', '', 75],
      /* 3 */ [sku('IMP-OLD'), '水光玻尿酸原液精华 30ml（新包装）', '', 'skincare', '¥259.90', '', '', '', '', '香精', ''],
      /* 4 */ [sku('IMP-NEG'), '负价格', '', '护肤', -1, '', '', '', '', '', ''],
      /* 5 */ [sku('IMP-TWICE'), '第一次', '', '彩妆', 99, '', '', '', '', '', ''],
      /* 6 */ [sku('IMP-CAT'), '分类不对', '', '面膜', 99, '', '', '', '美白、毛孔', '', ''],
      /* 7 */ [sku('IMP-TWICE'), '第二次', '', '彩妆', 109, '', '', '', '', '', ''],
      /* 8 */ [],
      /* 9 */ [sku('IMP-KEYS'), '光采丝绒口红 #05', '光采彩妆', 'MAKEUP', 169, '', '', '', '', 'fragrance、防腐剂(尼泊金酯)', '180天'],
      /* 10 */ ['', '没有 SKU', '', '护肤', 10, '', '', '', '', '', ''],
      /* 11 */ ['bad sku', '格式不对', '', '护肤', 19.999, '', '', '油皮', '', '', 0],
    ]);
    const res = await upload(marketer, file);
    expect(res.status).toBe(200);
    const report = res.body as ProductImportReport;
    expect(report).toMatchObject({ total: 9, created: 2, updated: 1, failed: 6 });
    const problems = report.errors.map((e) => [e.row, e.sku, e.field]);
    expect(problems).toEqual([
      [4, sku('IMP-NEG'), 'priceFen'],
      [5, sku('IMP-TWICE'), 'sku'],
      [6, sku('IMP-CAT'), 'category'],
      [6, sku('IMP-CAT'), 'concerns'],
      [7, sku('IMP-TWICE'), 'sku'],
      [10, null, 'sku'],
      [11, 'bad sku', 'sku'],
      [11, 'bad sku', 'priceFen'],
      [11, 'bad sku', 'suitableSkinTypes'],
      [11, 'bad sku', 'usageDays'],
    ]);
    for (const e of report.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(report.errors.find((e) => e.row === 5)?.message).toContain('第 5、7 行');
    expect(report.errors.find((e) => e.row === 6 && e.field === 'category')?.message).toContain('面膜');
    // 毛孔 is a known concern: only the unknown word is named, then what may be written.
    expect(report.errors.find((e) => e.field === 'concerns')?.message.split('；')[0]).toBe('针对问题中有无法识别的值：美白');
    expect(report.errors.find((e) => e.row === 10)?.message).toBe('请填写 SKU');

    expect(await stored(sku('IMP-NEW'))).toMatchObject({
      name: '舒敏修护霜 50g',
      line: '舒敏系列',
      category: 'skincare',
      price_fen: 36900,
      images: ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.jpg'],
      description: '修护屏障',
      suitable_skin_types: ['sensitive', 'dry'],
      concerns: ['redness', 'dehydration'],
      allergens: [],
      usage_days: 75,
      active: true,
    });
    expect(await stored(sku('IMP-KEYS'))).toMatchObject({ category: 'makeup', price_fen: 16900, allergens: ['fragrance', 'parabens'], usage_days: 180, line: '光采彩妆' });
    // The update changes what the row gives and keeps what it leaves empty.
    const updated = await api(stack).get(`/api/staff/products/${existing.id}`).set(as(advisor)).expect(200);
    expect(updated.body).toMatchObject({
      id: existing.id,
      name: '水光玻尿酸原液精华 30ml（新包装）',
      category: 'skincare',
      priceFen: 25990,
      allergens: ['fragrance'],
      line: '水光系列',
      description: '原来的描述',
      images: existing.images,
      suitableSkinTypes: ['dry', 'sensitive'],
      usageDays: 45,
    });
    for (const s of ['IMP-NEG', 'IMP-TWICE', 'IMP-CAT']) expect(await countBySku(sku(s))).toBe(0);
    expect(await db.query(`SELECT 1 FROM product WHERE name = '没有 SKU' OR sku = 'bad sku'`)).toEqual([]);

    // Uploading the same file again creates nothing new.
    const again = (await upload(admin, file).expect(200)).body as ProductImportReport;
    expect(again).toMatchObject({ total: 9, created: 0, updated: 3, failed: 6 });
    expect(await countBySku(sku('IMP-NEW'))).toBe(1);
  });

  it('refuses files it cannot read as a whole: not an xlsx, no file, wrong header, too many rows, too large', async () => {
    const expectInvalid = async (res: { status: number; body: { code: string; message: string } }, message?: RegExp) => {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IMPORT_FILE_INVALID');
      if (message) expect(res.body.message).toMatch(message);
    };
    await expectInvalid(await upload(marketer, Buffer.from('SKU,商品名称\nGL-1,x\n'), 'products.xlsx'));
    await expectInvalid(await upload(marketer, Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(2000)]), 'broken.xlsx'));
    await expectInvalid(await api(stack).post('/api/staff/products/import').set(as(marketer)).send({ file: 'x' }));
    await expectInvalid(await api(stack).post('/api/staff/products/import').set(as(marketer)).field('note', 'no file'));
    await expectInvalid(
      await api(stack).post('/api/staff/products/import').set(as(marketer)).attach('upload', await xlsx([[sku('WRONG-FIELD'), '名称', '', '护肤', 1]]), 'a.xlsx'),
    );
    await expectInvalid(await upload(marketer, await xlsx([[sku('NO-PRICE'), '名称', '护肤']], ['SKU', '商品名称', '分类'])), /价格/);
    await expectInvalid(await upload(marketer, await xlsx([])), /没有商品数据/);
    const tooMany = Array.from({ length: 2001 }, (_, i) => [sku(`MANY-${i}`), `商品 ${i}`, '', '护肤', 10]);
    await expectInvalid(await upload(marketer, await xlsx(tooMany)), /2000/);
    expect(await countBySku(sku('MANY-0'))).toBe(0);

    const big = Buffer.concat([await xlsx([[sku('BIG'), '名称', '', '护肤', 1]]), Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await upload(marketer, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '文件不能超过 5 MB' });
    expect(await countBySku(sku('BIG'))).toBe(0);
    expect(await countBySku(sku('WRONG-FIELD'))).toBe(0);
  });

  it('the template is an .xlsx with the header, an example and the allowed values, and it imports as downloaded', async () => {
    const res = await api(stack)
      .get('/api/staff/products/import-template')
      .set(as(marketer))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="product-import-template\.xlsx"; filename\*=UTF-8''/);
    const wb = await readXlsx(res.body as Buffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('商品');
    expect((sheet.getRow(1).values as CellValue[]).slice(1)).toEqual(HEADERS);
    expect(sheet.getCell('A2').value).toBe('GL-EXAMPLE-01');
    expect(sheet.actualRowCount).toBe(2);

    const help = wb.getWorksheet('填写说明');
    const words = new Set<string>();
    help?.eachRow((row) => row.eachCell((cell) => words.add(String(cell.value))));
    for (const labels of [PRODUCT_CATEGORY_LABELS, SKIN_TYPE_LABELS, SKIN_CONCERN_LABELS, ALLERGEN_LABELS]) {
      for (const [key, label] of Object.entries(labels)) {
        expect(words).toContain(key);
        expect(words).toContain(label);
      }
    }

    // Round trip: the downloaded template with its example row given this run's SKU imports as one new product.
    sheet.getCell('A2').value = sku('TEMPLATE');
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const report = (await upload(admin, filled).expect(200)).body as ProductImportReport;
    expect(report).toEqual({ total: 1, created: 1, updated: 0, failed: 0, errors: [] });
    expect(await stored(sku('TEMPLATE'))).toMatchObject({
      name: '示例：水光玻尿酸保湿精华 30ml',
      line: '水光系列',
      category: 'skincare',
      price_fen: 29900,
      suitable_skin_types: ['dry', 'normal', 'sensitive'],
      concerns: ['dehydration', 'dullness'],
      allergens: [],
      usage_days: 60,
    });
  });

  it('the route for the template is never taken for a product id', async () => {
    const res = await api(stack).get('/api/staff/products/import-template').set(as(admin));
    expect(res.status).toBe(200);
    const asId = await api(stack).patch('/api/staff/products/import-template').set(as(admin)).send({ priceFen: 1 });
    expect(asId.status).toBe(404);
    expect(asId.body.code).toBe('PRODUCT_NOT_FOUND');
  });
});
