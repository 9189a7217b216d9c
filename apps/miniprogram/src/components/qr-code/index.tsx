import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { create } from 'qrcode';
import styles from './index.module.scss';

/** Blank modules around the symbol that scanners need to find it (the QR standard asks for four). */
const QUIET_ZONE = 4;

export interface DarkRun {
  /** First dark module of the run, counted from the left edge of the symbol. */
  start: number;
  length: number;
}

/**
 * The symbol as rows of dark runs. Drawing runs instead of single modules keeps a version-1 code (21 × 21)
 * at about a hundred views rather than 441.
 */
export function qrRows(text: string): DarkRun[][] {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const rows: DarkRun[][] = [];
  for (let row = 0; row < modules.size; row += 1) {
    const runs: DarkRun[] = [];
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      runs.push({ start, length: col - start });
    }
    rows.push(runs);
  }
  return rows;
}

export interface QrCodeProps {
  id?: string;
  text: string;
  /** Width of one module in CSS pixels. Whole pixels keep the modules crisp and free of seams. */
  modulePx?: number;
}

/**
 * A QR code drawn with plain views, so the same markup renders in WeChat and in the browser: no canvas node to
 * look up after render (WeChat's 2D canvas needs a selector query, H5's does not), no pixel ratio to scale for,
 * and nothing to redraw when the page is shown again. Sizes are inline `px`, which Taro leaves alone, so
 * modules land on whole pixels instead of being rounded from rpx.
 */
export function QrCode({ id, text, modulePx = 7 }: QrCodeProps) {
  const rows = useMemo(() => qrRows(text), [text]);
  const px = (modules: number) => `${modules * modulePx}px`;
  const side = px(rows.length + QUIET_ZONE * 2);
  return (
    <View id={id} className={styles.qr} style={{ width: side, height: side, padding: px(QUIET_ZONE) }} data-modules={rows.length}>
      {rows.map((runs, row) => (
        <View key={row} className={`qr-row ${styles.row}`} style={{ height: px(1) }}>
          {runs.map((run) => (
            <View key={run.start} className={`qr-dark ${styles.dark}`} style={{ left: px(run.start), width: px(run.length) }} />
          ))}
        </View>
      ))}
    </View>
  );
}
