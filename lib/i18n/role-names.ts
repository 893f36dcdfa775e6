import type { Role } from '../domain/access';

/** Each role as the people of the center call it. */
export const ROLE_NAMES_RU: Record<Role, string> = {
  admin: 'Администратор',
  operator: 'Оператор',
  block_lead: 'Руководитель блока',
  municipal: 'Муниципальный ЦУР',
  executor: 'Исполнитель',
  analyst: 'Аналитик (штаб губернатора)',
};
