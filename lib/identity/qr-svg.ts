import { toString } from 'qrcode';

/** A QR code of `text` as an SVG document (dark modules on white, as phone cameras read best). */
export function qrSvg(text: string): Promise<string> {
  return toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
