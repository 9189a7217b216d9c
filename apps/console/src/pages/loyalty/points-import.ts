import type { PointsImportView } from '@glow/contracts';

/** How often the page asks for the progress of a running import. */
export const POLL_INTERVAL_MS = 1000;

/** The API refuses larger files (PAYLOAD_TOO_LARGE); say so before uploading. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

/** Whole percent of the rows processed (never rounded up to 100 early); a finished import is complete whatever its row count. */
export function importPercent(view: Pick<PointsImportView, 'status' | 'processed' | 'total'>): number {
  if (view.status === 'done') return 100;
  if (view.total <= 0) return 0;
  return Math.min(100, Math.floor((view.processed / view.total) * 100));
}

/** Poll while the import runs; stop once it has finished or failed, or the last read failed. */
export function pollInterval(view: Pick<PointsImportView, 'status'> | undefined, failed: boolean): number | false {
  return !failed && view?.status === 'running' ? POLL_INTERVAL_MS : false;
}

/** Why a chosen file is refused before uploading, or null when it may go. */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (!file.name.toLowerCase().endsWith('.xlsx')) return '请上传 .xlsx 格式的 Excel 文件';
  if (file.size > MAX_IMPORT_FILE_BYTES) return '文件不能超过 5 MB';
  return null;
}
