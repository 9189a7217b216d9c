import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Paged, type ProductCard, ShopProductQuery } from '@glow/contracts';
import { Roles } from '../../platform/auth/auth.decorators';
import { CatalogService } from './catalog.service';

@ApiTags('shop')
@ApiBearerAuth()
@Roles('member')
@Controller('shop')
export class ShopController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('products')
  @ApiOperation({ summary: 'The online shop: active products, by line and name, optionally of one category' })
  products(@Query() q: ShopProductQuery): Promise<Paged<ProductCard>> {
    return this.catalog.shop(q.category, q.page ?? 1, q.pageSize ?? 20);
  }
}
