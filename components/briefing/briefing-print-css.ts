/**
 * One slide per 1920×1080 page, for the server's headless-Chromium PDF and for the browser's own print dialog
 * (the fallback when the server has no Chromium): every slide is shown, unscaled, one after another.
 */
export const BRIEFING_PRINT_CSS = `
@page { size: 1920px 1080px; margin: 0; }
@media print {
  html, body { width: 1920px; height: auto; overflow: visible; background: #05070c;
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .briefing-viewport { position: static !important; overflow: visible !important; display: block !important; }
  .briefing-stage { transform: none !important; position: static !important; }
  .briefing-slide-wrap { display: block !important; }
  .briefing-slide-wrap + .briefing-slide-wrap { break-before: page; }
  .briefing-chrome { display: none !important; }
}`;
