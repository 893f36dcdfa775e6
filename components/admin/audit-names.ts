import type { AuditAction } from '../../lib/identity/audit';

/** Each audit action as the admin page names it; a Record, so a new action without a name fails the build. */
export const AUDIT_ACTION_NAMES_RU: Record<AuditAction, string> = {
  login: 'Вход',
  login_failed: 'Неудачный вход',
  logout: 'Выход',
  first_admin_created: 'Создан первый администратор',
  user_created: 'Создан пользователь',
  user_updated: 'Изменён пользователь',
  password_set: 'Установлен пароль',
  totp_enabled: 'Включена 2FA',
  totp_disabled: 'Отключена 2FA',
  session_revoked: 'Сеанс завершён',
  token_issued: 'Выдан личный токен',
  token_revoked: 'Отозван личный токен',
  source_key_issued: 'Выдан ключ источника',
  source_key_revoked: 'Отозван ключ источника',
  display_pairing_requested: 'Экран запросил привязку',
  display_paired: 'Экран привязан',
  display_revoked: 'Экран отвязан',
  display_changed: 'Экран перенастроен',
  display_link_issued: 'Выдана ссылка экрана',
  webhook_set: 'Вебхук задан',
  webhook_deleted: 'Вебхук удалён',
  webhook_retried: 'Вебхук повторён',
  import_run: 'Импорт Open311',
  export_pdf: 'Выгрузка PDF',
};
