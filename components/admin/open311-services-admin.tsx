'use client';

import { useState, type FormEvent } from 'react';
import type { ServiceMapping } from '../../lib/open311/list-service-mappings';
import { adminCall, BUTTON, failureText, formatMoscow, INPUT } from './admin-api';

interface CategoryOption {
  code: string;
  name: string;
  block: string;
}

interface Props {
  initialServices: ServiceMapping[];
  categories: CategoryOption[];
}

const STATE_NAMES: Record<ServiceMapping['state'], string> = {
  proposed: 'предложено',
  confirmed: 'подтверждено',
  ignored: 'без сопоставления',
};

/** '' in a choice means "leave these requests to the classifier". */
const NONE = '';

const keyOf = (s: Pick<ServiceMapping, 'sourceHost' | 'serviceCode'>) =>
  `${s.sourceHost}\u0000${s.serviceCode}`;

/**
 * Services of other GeoReport servers: read a server's list (the classifier proposes a category for each),
 * then confirm or change the categories per server. Only confirmed ones are used by imports.
 */
export function Open311ServicesAdmin({ initialServices, categories }: Props) {
  const [services, setServices] = useState(initialServices);
  const [baseUrl, setBaseUrl] = useState('');
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(categories.map((c) => [c.code, `${c.block}: ${c.name}`]));

  const chosen = (s: ServiceMapping) =>
    choice[keyOf(s)] ?? (s.state === 'ignored' ? NONE : (s.categoryCode ?? s.proposedCategory ?? NONE));

  async function refresh() {
    const reply = await adminCall<{ services: ServiceMapping[] }>('GET', '/api/v1/imports/open311/services');
    if (reply.ok) setServices(reply.body.services);
  }

  async function read(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone(null);
    const reply = await adminCall<{ host: string; services: ServiceMapping[] }>(
      'POST',
      '/api/v1/imports/open311/services',
      { baseUrl },
    );
    setBusy(false);
    if (!reply.ok) {
      setProblem(
        reply.status === 502 ? `Сервер не отдал список услуг: ${reply.message}` : failureText(reply),
      );
      return;
    }
    setDone(`Прочитано услуг: ${reply.body.services.length} (${reply.body.host}).`);
    await refresh();
  }

  async function confirm(host: string, list: ServiceMapping[]) {
    setBusy(true);
    setProblem(null);
    setDone(null);
    const mappings = list.map((s) => ({ serviceCode: s.serviceCode, categoryCode: chosen(s) || null }));
    const reply = await adminCall('PUT', '/api/v1/imports/open311/services', { host, mappings });
    setBusy(false);
    if (!reply.ok) {
      setProblem(failureText(reply));
      return;
    }
    setChoice({});
    setDone(`Сопоставление для ${host} подтверждено.`);
    await refresh();
  }

  const byHost = new Map<string, ServiceMapping[]>();
  for (const s of services) byHost.set(s.sourceHost, [...(byHost.get(s.sourceHost) ?? []), s]);

  return (
    <div className="flex flex-col gap-8">
      <form onSubmit={read} className="flex flex-col gap-4 rounded border border-slate-800 p-5">
        <h2 className="text-2xl font-semibold">Услуги сервера Open311</h2>
        <p className="text-slate-400">
          Список услуг (services.json) читается с сервера GeoReport v2; для каждой услуги классификатор
          предлагает категорию. Импорт использует только подтверждённые категории, остальные обращения
          классифицирует по тексту.
        </p>
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex min-w-96 flex-1 flex-col gap-1">
            <span className="text-slate-300">Адрес сервера</span>
            <input
              name="baseUrl"
              type="url"
              required
              placeholder="https://311.example.org/open311/v2"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              className={INPUT}
            />
          </label>
          <button type="submit" disabled={busy} className={BUTTON}>
            Прочитать услуги
          </button>
        </div>
        {problem && (
          <p role="alert" className="text-rose-300">
            {problem}
          </p>
        )}
        {done && <p className="text-emerald-300">{done}</p>}
      </form>

      {services.length === 0 && <p className="text-slate-400">Услуги ещё не читались.</p>}
      {[...byHost].map(([host, list]) => (
        <section key={host} className="flex flex-col gap-3">
          <h3 className="text-xl font-semibold">{host}</h3>
          <table className="w-full text-left text-lg">
            <thead className="text-slate-400">
              <tr>
                <th className="py-2 pr-4">Услуга</th>
                <th className="py-2 pr-4">Предложено</th>
                <th className="py-2 pr-4">Категория при импорте</th>
                <th className="py-2">Состояние</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.serviceCode} className="border-t border-slate-800 align-top">
                  <td className="py-2 pr-4">
                    <div>{s.serviceName}</div>
                    <div className="text-base text-slate-400">
                      {s.serviceCode}
                      {s.description ? ` — ${s.description}` : ''}
                    </div>
                  </td>
                  <td className="py-2 pr-4">
                    {s.proposedCategory ? (names.get(s.proposedCategory) ?? s.proposedCategory) : '—'}
                    {s.proposedConfidence !== null && (
                      <div className="text-base text-slate-400">
                        уверенность {Math.round(s.proposedConfidence * 100)} %
                      </div>
                    )}
                  </td>
                  <td className="py-2 pr-4">
                    <select
                      aria-label={`Категория для услуги ${s.serviceName}`}
                      value={chosen(s)}
                      onChange={(e) => setChoice({ ...choice, [keyOf(s)]: e.target.value })}
                      className={INPUT}
                    >
                      <option value={NONE}>— классифицировать по тексту —</option>
                      {categories.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.block}: {c.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-2">
                    {STATE_NAMES[s.state]}
                    {s.confirmedAt && (
                      <div className="text-base text-slate-400">{formatMoscow(s.confirmedAt)}</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <button type="button" disabled={busy} onClick={() => confirm(host, list)} className={BUTTON}>
              Подтвердить сопоставление
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}
