import type { CellValue } from 'exceljs';

/** The text a person sees in a cell, whatever Excel stored (rich text, a link, a formula's result, a number). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('').replace(/\0/g, '').trim();
    if ('hyperlink' in value) return cellText(value.text as CellValue);
    if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value).replace(/\0/g, '').trim();
}
