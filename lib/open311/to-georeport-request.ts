import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { REJECTION_REASON_NAMES } from '../domain/statuses';
import type { Open311RequestRow } from './get-open311-requests';
import { maskPersonalData } from '../text/mask-personal-data';
import { MOSCOW_TZ } from '../domain/moscow-time';
import { toMoscowIso } from './moscow-iso';
import { georeportStatus } from './status-map';
import type { GeoReportRequest } from './types';

export const ON_VOTE_NOTE = 'Вынесено на голосование';

/** «Срок ответа — до 22.11.2026 09:15 (МСК)»: what a resident reads next to the request. */
export function deadlineNotice(dueAt: Date): string {
  return `Срок ответа — до ${format(new TZDate(dueAt.getTime(), MOSCOW_TZ), 'dd.MM.yyyy HH:mm')} (МСК)`;
}

function statusNotes(row: Open311RequestRow): string | null {
  switch (row.status) {
    case 'resolved':
    case 'closed':
      // The executor's answer may greet the resident by name: it is masked like the complaint itself.
      return row.answer ? maskPersonalData(row.answer) : null;
    case 'rejected':
      return row.rejectionReason ? `Отклонено: ${REJECTION_REASON_NAMES[row.rejectionReason]}` : 'Отклонено';
    case 'on_vote':
      return ON_VOTE_NOTE;
    default:
      return null;
  }
}

/** A stored complaint as a GeoReport v2 request; nothing personal leaves (text and address are masked). */
export function toGeoReportRequest(row: Open311RequestRow): GeoReportRequest {
  return {
    service_request_id: String(row.id),
    status: georeportStatus(row.status),
    status_notes: statusNotes(row),
    service_name: row.categoryName,
    service_code: row.categoryCode,
    description: maskPersonalData(row.text),
    agency_responsible: row.executorName,
    service_notice: deadlineNotice(row.dueAt),
    requested_datetime: toMoscowIso(row.receivedAt),
    updated_datetime: toMoscowIso(row.statusAt),
    expected_datetime: toMoscowIso(row.dueAt),
    address: row.address === null ? null : maskPersonalData(row.address),
    lat: row.lat,
    long: row.lon,
    media_url: row.photoUrl,
  };
}
