export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
