'use client';

import { useState, type FormEvent } from 'react';
import type { SourceKeySummary } from '../../lib/identity/list-source-keys';
import { adminCall, BUTTON, DANGER, failureText, formatMoscow, INPUT } from './admin-api';
import { OnceSecret } from './once-secret';

interface SourceOption {
  code: string;
  name: string;
}

interface Props {
  initialKeys: SourceKeySummary[];
  sources: SourceOption[];
}

interface Issued {
  id: number;
  key: string;
  source: string;
  label: string;
}

/** Keys of the integrations, per source: issue one (shown once), revoke one, see when each was last used. */
export function SourceKeysAdmin({ initialKeys, sources }: Props) {
  const [keys, setKeys] = useState(initialKeys);
  const [source, setSource] = useState(sources[0]?.code ?? '');
  const [region, setRegion] = useState('');
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<Issued | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(sources.map((s) => [s.code, s.name]));

  async function refresh() {
    const reply = await adminCall<{ keys: SourceKeySummary[] }>('GET', '/api/v1/source-keys');
    if (reply.ok) setKeys(reply.body.keys);
  }

  async function issue(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setIssued(null);
    const reply = await adminCall<Issued>('POST', '/api/v1/source-keys', {
      source,
      label,
      ...(region.trim() ? { region: region.trim() } : {}),
    });
    setBusy(false);
    if (!reply.ok) {
      setProblem(failureText(reply));
      return;
    }
    setIssued(reply.body);
    setLabel('');
    setRegion('');
    await refresh();
  }

  async function revoke(key: SourceKeySummary) {
    if (!window.confirm(`Отозвать ключ «${key.label}»? Интеграция перестанет приниматься сразу.`)) return;
    setBusy(true);
    const reply = await adminCall('DELETE', `/api/v1/source-keys/${key.id}`);
    setBusy(false);
    if (!reply.ok) setProblem(failureText(reply));
    await refresh();
  }

  const bySource = new Map<string, SourceKeySummary[]>();
  for (const key of keys) bySource.set(key.source, [...(bySource.get(key.source) ?? []), key]);

  return (
    <div className="flex flex-col gap-8">
      <form
        onSubmit={issue}
        className="flex flex-col gap-4 rounded border border-slate-800 p-5"
        data-testid="issue-key"
      >
        <h2 className="text-2xl font-semibold">Новый ключ</h2>
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex flex-col gap-1">
            <span className="text-slate-300">Источник</span>
            <select
              name="source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              className={INPUT}
            >
              {sources.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-slate-300">Регион (код субъекта, необязательно)</span>
            <input
              name="region"
              inputMode="numeric"
              pattern="[0-9]{2}"
              placeholder="50"
              value={region}
              onChange={(e) => setRegion(e.target.value)}
              className={`${INPUT} w-32`}
            />
          </label>
          <label className="flex min-w-72 flex-1 flex-col gap-1">
            <span className="text-slate-300">Кому выдан</span>
            <input
              name="label"
              required
              placeholder="Добродел: шлюз интеграции"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              className={INPUT}
            />
          </label>
          <button type="submit" disabled={busy || !source} className={BUTTON}>
            Выдать ключ
          </button>
        </div>
        {problem && (
          <p role="alert" className="text-rose-300">
            {problem}
          </p>
        )}
        {issued && (
          <OnceSecret
            title={`Ключ для «${names.get(issued.source) ?? issued.source}» (${issued.label}): Authorization: Bearer …`}
            value={issued.key}
          />
        )}
      </form>

      {keys.length === 0 && <p className="text-slate-400">Ключей пока нет.</p>}
      {[...bySource].map(([code, list]) => (
        <section key={code}>
          <h2 className="mb-2 text-2xl font-semibold">
            {names.get(code) ?? code} <span className="text-base text-slate-500">{code}</span>
          </h2>
          <table className="w-full text-left text-base">
            <thead className="text-slate-400">
              <tr>
                <th className="py-2 pr-4 font-normal">Кому выдан</th>
                <th className="py-2 pr-4 font-normal">Регион</th>
                <th className="py-2 pr-4 font-normal">Выдан, МСК</th>
                <th className="py-2 pr-4 font-normal">Последнее использование</th>
                <th className="py-2 pr-4 font-normal">Состояние</th>
                <th className="py-2 font-normal" />
              </tr>
            </thead>
            <tbody>
              {list.map((key) => (
                <tr
                  key={key.id}
                  className={`border-t border-slate-800 ${key.revokedAt ? 'text-slate-500' : ''}`}
                >
                  <td className="py-2 pr-4">{key.label}</td>
                  <td className="py-2 pr-4">{key.region ?? 'любой'}</td>
                  <td className="py-2 pr-4 tabular-nums">
                    {formatMoscow(key.createdAt)} <span className="text-slate-500">{key.createdBy}</span>
                  </td>
                  <td className="py-2 pr-4 tabular-nums">
                    {key.lastUsedAt
                      ? `${formatMoscow(key.lastUsedAt)} · ${key.lastAddress ?? '—'}`
                      : 'не использовался'}
                  </td>
                  <td className="py-2 pr-4">
                    {key.revokedAt ? `отозван ${formatMoscow(key.revokedAt)}` : 'действует'}
                  </td>
                  <td className="py-2">
                    {!key.revokedAt && (
                      <button
                        type="button"
                        className={DANGER}
                        disabled={busy}
                        onClick={() => void revoke(key)}
                      >
                        Отозвать
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
