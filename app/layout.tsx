import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
// Bundled fonts (Cyrillic, tabular digits): a wall PC's own fonts are never relied on.
import '@fontsource-variable/inter';
import '@fontsource-variable/roboto-condensed';
// ▲ ● ✕ ⚠ ⬡ and the like: neither text family has them.
import '@fontsource/noto-sans-symbols-2';
import './globals.css';

export const metadata: Metadata = {
  title: 'ЦУР Московской области — ситуационная стена',
  description: 'Обращения жителей Московской области на карте в реальном времени',
};

export const viewport: Viewport = {
  themeColor: '#05070c',
  colorScheme: 'dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ru">
      <body>{children}</body>
    </html>
  );
}
