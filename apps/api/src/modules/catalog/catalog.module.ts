import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { ShopController } from './shop.controller';
import { CatalogService } from './catalog.service';
import { Product } from './product.entity';

/** The product catalog: staff maintain it (by hand or Excel import); the skin module reads it for recommendations. */
@Module({
  imports: [TypeOrmModule.forFeature([Product])],
  controllers: [CatalogController, ShopController],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
