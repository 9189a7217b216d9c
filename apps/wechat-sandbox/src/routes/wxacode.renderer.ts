import { toBuffer, type QRCodeToBufferOptions } from 'qrcode';

export type WxacodeStyle = { width: number; darkColor: string; lightColor: string };

/**
 * pngjs tries all five PNG row filters per row by default, which is needlessly slow for a two-colour image and about
 * a hundred times slower inside jest's VM. Rows of a QR code repeat, so the "Up" filter with default deflate gives
 * the same small file. `filterType` is a pngjs option that @types/qrcode does not list.
 */
const RENDERER_OPTIONS: QRCodeToBufferOptions['rendererOpts'] & { filterType: number } = { filterType: 2, deflateStrategy: 0 };

/** The payload a scanner reads from our stand-in for a mini program code; the H5 demo parses the same format. */
export function wxacodeContent(page: string, scene: string): string {
  // Url-encoded as the mini program receives it in `options.scene`, so the demo decodes it the same way.
  return `glow-wxacode://${page}?scene=${encodeURIComponent(scene)}`;
}

export function renderWxacode(content: string, { width, darkColor, lightColor }: WxacodeStyle): Promise<Buffer> {
  return toBuffer(content, { type: 'png', width, margin: 2, color: { dark: darkColor, light: lightColor }, rendererOpts: RENDERER_OPTIONS });
}
