import type { CreateProductDto, Paged, ProductImportReport, ProductListQuery, ProductResponse, UpdateProductDto } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export type ProductSearch = Pick<ProductListQuery, 'q' | 'category' | 'active'> & { page: number; pageSize: number };

export function listProducts(search: ProductSearch, signal?: AbortSignal): Promise<Paged<ProductResponse>> {
  return http.json<Paged<ProductResponse>>(apiRoutes.staffProducts, {
    query: { q: search.q, category: search.category, active: search.active, page: search.page, pageSize: search.pageSize },
    signal,
  });
}

export function createProduct(body: CreateProductDto): Promise<ProductResponse> {
  return http.json<ProductResponse>(apiRoutes.staffProducts, { method: 'POST', body });
}

export function updateProduct(id: string, body: UpdateProductDto): Promise<ProductResponse> {
  return http.json<ProductResponse>(apiRoutes.staffProduct(id), { method: 'PATCH', body });
}

/** Products are never deleted (orders refer to them); deactivating hides them from members and recommendations. */
export function setProductActive(id: string, active: boolean): Promise<ProductResponse> {
  return updateProduct(id, { active });
}

/** The `.xlsx` template with its header row and an example; fetched with the bearer token, so not a plain link. */
export function downloadProductImportTemplate(signal?: AbortSignal): Promise<Blob> {
  return http.blob(apiRoutes.staffProductImportTemplate, { signal });
}

/** Valid rows are upserted by SKU; each invalid row comes back in the report and changes nothing. */
export function importProducts(file: Blob, fileName: string): Promise<ProductImportReport> {
  const form = new FormData();
  form.append('file', file, fileName);
  return http.json<ProductImportReport>(apiRoutes.staffProductImport, { method: 'POST', body: form });
}

export const productKeys = {
  all: ['products'] as const,
  list: (search: ProductSearch) => ['products', 'list', search] as const,
};
