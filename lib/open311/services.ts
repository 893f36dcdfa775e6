import { plural, type PluralForms } from '../i18n/plural';
import type { ReferenceCache } from '../reference/types';
import type { GeoReportService } from './types';

const KIND_KEYWORD = { operational: 'оперативное', resource: 'ресурсоёмкое' } as const;

// Plain spaces, not the wall's no-break ones: API clients show this text in their own layouts.
const count = (n: number, forms: PluralForms): string => `${n} ${plural(n, forms)}`;

function deadlineText(hours: number, workingDays: number | null): string {
  return workingDays !== null
    ? count(workingDays, ['рабочий день', 'рабочих дня', 'рабочих дней'])
    : count(hours, ['час', 'часа', 'часов']);
}

/** Our categories as GeoReport services, grouped by sector block in the wall's order. */
export function listServices(reference: ReferenceCache): GeoReportService[] {
  const blockOrder = (code: string) => reference.blocks.get(code)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
  return [...reference.categories.values()]
    .sort((a, b) => blockOrder(a.blockCode) - blockOrder(b.blockCode))
    .map((c) => {
      const group = reference.blocks.get(c.blockCode)?.name ?? c.blockCode;
      return {
        service_code: c.code,
        service_name: c.name,
        description: `${c.name} (${group}). Срок ответа исполнителя: ${deadlineText(c.deadlineHours, c.deadlineWorkingDays)}.`,
        metadata: false,
        type: 'realtime',
        keywords: [group, KIND_KEYWORD[c.kind], c.blockCode].join(', '),
        group,
      };
    });
}
