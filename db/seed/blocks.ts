import type { BlockSeed } from './types';

/** The 11 sector blocks (профильные блоки) of the Moscow Oblast ЦУР, in the order the wall shows them. */
export const BLOCKS: BlockSeed[] = [
  { code: 'health', name: 'Здравоохранение', nameEn: 'Healthcare', sortOrder: 1 },
  { code: 'education', name: 'Образование', nameEn: 'Education', sortOrder: 2 },
  { code: 'social', name: 'Соцзащита', nameEn: 'Social protection', sortOrder: 3 },
  { code: 'transport', name: 'Транспорт и дороги', nameEn: 'Transport and roads', sortOrder: 4 },
  { code: 'ecology', name: 'Экология', nameEn: 'Ecology', sortOrder: 5 },
  { code: 'housing', name: 'ЖКХ', nameEn: 'Housing and utilities', sortOrder: 6 },
  { code: 'construction', name: 'Строительство', nameEn: 'Construction', sortOrder: 7 },
  {
    code: 'national-projects',
    name: 'Нацпроекты и торги',
    nameEn: 'National projects and procurement',
    sortOrder: 8,
  },
  { code: 'safety', name: 'Безопасность', nameEn: 'Public safety', sortOrder: 9 },
  { code: 'public-services', name: 'Госуслуги', nameEn: 'Public services', sortOrder: 10 },
  { code: 'media', name: 'СМИ и соцсети', nameEn: 'Media and social networks', sortOrder: 11 },
];
