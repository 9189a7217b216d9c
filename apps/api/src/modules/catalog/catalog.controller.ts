import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateProductDto, ErrorCode, type Paged, type ProductImportReport, ProductListQuery, type ProductResponse, UpdateProductDto } from '@glow/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_STAFF, Roles } from '../../platform/auth/auth.decorators';
import { uploadedFile } from '../../platform/http/uploaded-file';
import { CatalogException } from './catalog.exception';
import { CatalogService } from './catalog.service';

/** An id that is not a UUID cannot name a product: answer 404, not a database error. */
const uuid = new ParseUUIDPipe({ exceptionFactory: () => new CatalogException(ErrorCode.ProductNotFound) });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TEMPLATE_FILE_NAME = '商品导入模板.xlsx';

@ApiTags('staff')
@ApiBearerAuth()
@Roles(...ALL_STAFF)
@Controller('staff/products')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({ summary: 'Products, newest first; `q` matches SKU, name and line' })
  list(@Query() query: ProductListQuery): Promise<Paged<ProductResponse>> {
    return this.catalog.list(query);
  }

  // Declared before `:id` so the template is never read as a product id.
  @Roles('marketer', 'admin')
  @Get('import-template')
  @ApiOperation({ summary: 'The Excel (.xlsx) import template: a header row, an example row and a sheet explaining the columns' })
  async importTemplate(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.catalog.importTemplate();
    await reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="product-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(TEMPLATE_FILE_NAME)}`)
      .header('cache-control', 'no-store')
      .send(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A product' })
  get(@Param('id', uuid) id: string): Promise<ProductResponse> {
    return this.catalog.get(id);
  }

  @Roles('marketer', 'admin')
  @Post()
  @ApiOperation({ summary: 'Create a product; a SKU already in use is a 409' })
  create(@Body() dto: CreateProductDto): Promise<ProductResponse> {
    return this.catalog.create(dto);
  }

  @Roles('marketer', 'admin')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Import products from the Excel template (field `file`, .xlsx up to 5 MB): valid rows are upserted by SKU, invalid rows reported' })
  async importProducts(@Req() req: FastifyRequest): Promise<ProductImportReport> {
    return this.catalog.importXlsx((await uploadedFile(req)).bytes);
  }

  @Roles('marketer', 'admin')
  @Patch(':id')
  @ApiOperation({ summary: 'Change a product; `{ active: false }` deactivates it (products are never deleted)' })
  update(@Param('id', uuid) id: string, @Body() dto: UpdateProductDto): Promise<ProductResponse> {
    return this.catalog.update(id, dto);
  }
}
