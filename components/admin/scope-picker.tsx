'use client';

import { useId, useState } from 'react';
import type { ScopeKind } from '../../lib/domain/access';
import { INPUT } from './admin-api';

export interface ScopeOption {
  code: string;
  name: string;
}

/** What each scoped role may be narrowed to, from the reference data, by scope kind. */
export type ScopeOptions = Record<ScopeKind, ScopeOption[]>;

export const SCOPE_LABELS: Record<ScopeKind, string> = {
  block: 'Блоки',
  municipality: 'Муниципалитеты',
  executor: 'Исполнители',
};

interface Props {
  kind: ScopeKind;
  options: ScopeOption[];
  value: readonly string[];
  onChange: (codes: string[]) => void;
}

/** Ticks the codes a scoped role covers; a filter narrows long lists (57 округов, the executors). */
export function ScopePicker({ kind, options, value, onChange }: Props) {
  const [filter, setFilter] = useState('');
  const id = useId();
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? options.filter((o) => o.name.toLowerCase().includes(needle) || o.code.toLowerCase().includes(needle))
    : options;
  const chosen = new Set(value);
  const toggle = (code: string) =>
    onChange(chosen.has(code) ? value.filter((c) => c !== code) : [...value, code]);
  return (
    <fieldset className="rounded border border-slate-700 p-3">
      <legend className="px-1 text-slate-300">
        {SCOPE_LABELS[kind]}: выбрано {value.length}
      </legend>
      {options.length > 8 && (
        <input
          aria-label={`Найти: ${SCOPE_LABELS[kind].toLowerCase()}`}
          placeholder="Найти…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className={`${INPUT} mb-2 w-full`}
        />
      )}
      <ul className="max-h-56 overflow-y-auto pr-2">
        {shown.map((o) => (
          <li key={o.code}>
            <label htmlFor={`${id}-${o.code}`} className="flex cursor-pointer items-center gap-2 py-0.5">
              <input
                id={`${id}-${o.code}`}
                type="checkbox"
                checked={chosen.has(o.code)}
                onChange={() => toggle(o.code)}
                className="accent-cyan-400"
              />
              <span>{o.name}</span>
              <span className="text-sm text-slate-500">{o.code}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
