import type { SourceSeed } from './types';

/** Channels a complaint arrives from; the answer goes back to the same channel. */
export const SOURCES: SourceSeed[] = [
  { code: 'dobrodel', name: 'Портал «Добродел»', nameEn: 'Dobrodel portal', sortOrder: 1 },
  {
    code: 'incident',
    name: 'Соцсети (система «Инцидент»)',
    nameEn: 'Social networks (Incident monitoring)',
    sortOrder: 2,
  },
  { code: 'governor-hotline', name: 'Горячая линия губернатора', nameEn: "Governor's hotline", sortOrder: 3 },
  { code: 'call-112', name: 'Система 112', nameEn: 'Emergency line 112', sortOrder: 4 },
  { code: 'agencies', name: 'Министерства и ведомства', nameEn: 'Ministries and agencies', sortOrder: 5 },
  { code: 'municipal', name: 'Муниципалитеты', nameEn: 'Municipalities', sortOrder: 6 },
  { code: 'sector-systems', name: 'Отраслевые системы', nameEn: 'Sector information systems', sortOrder: 7 },
  { code: 'media', name: 'СМИ', nameEn: 'Mass media', sortOrder: 8 },
  {
    code: 'open311',
    name: 'Внешние системы (Open311)',
    nameEn: 'External systems (Open311 GeoReport v2)',
    sortOrder: 9,
  },
];
