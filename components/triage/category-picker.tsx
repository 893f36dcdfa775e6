'use client';

import { useMemo, useState, type KeyboardEvent } from 'react';
import type { TriageLookup } from '@/lib/triage/triage-names';

interface Props {
  lookup: TriageLookup;
  /** The block to open on: the one the source gave, or the top suggestion's. */
  initialBlock: string | null;
  onPick: (category: string) => void;
  onClose: () => void;
}

const MAX_MATCHES = 12;

/**
 * «Другая категория»: every category of the reference, block first, then category. Typing filters across all
 * blocks (Enter takes the first match), Escape closes. The queue stops refreshing while this is open.
 */
export function CategoryPicker({ lookup, initialBlock, onPick, onClose }: Props) {
  const blocks = lookup.names.blocks;
  const [block, setBlock] = useState(initialBlock ?? blocks[0]?.code ?? '');
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase('ru');
  const matches = useMemo(
    () =>
      needle
        ? lookup.names.categories
            .filter(
              (c) =>
                c.name.toLocaleLowerCase('ru').includes(needle) ||
                lookup.block(c.block).toLocaleLowerCase('ru').includes(needle),
            )
            .slice(0, MAX_MATCHES)
        : [],
    [needle, lookup],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div
      role="dialog"
      aria-label="Выбор категории"
      data-testid="category-picker"
      onKeyDown={onKeyDown}
      className="mt-4 rounded-lg border border-cyan-700 bg-slate-950 p-4"
    >
      <div className="flex items-center gap-4">
        <input
          autoFocus
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches[0]) {
              e.preventDefault();
              onPick(matches[0].code);
            }
          }}
          placeholder="Найти категорию: «свет», «врач», «мусор»…"
          aria-label="Найти категорию"
          className="min-w-0 flex-1 rounded-md border border-slate-600 bg-slate-900 px-4 py-2 text-xl text-white placeholder:text-slate-500 focus:border-cyan-400 focus:outline-none"
        />
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-slate-600 px-4 py-2 text-lg text-slate-200 hover:border-slate-300"
        >
          Отмена <span className="text-slate-400">(Esc)</span>
        </button>
      </div>
      {needle ? (
        <ul className="mt-4 grid grid-cols-2 gap-2" data-testid="picker-matches">
          {matches.length === 0 ? (
            <li className="col-span-2 text-lg text-slate-400">
              Ничего не найдено — выберите блок без поиска.
            </li>
          ) : null}
          {matches.map((c) => (
            <li key={c.code}>
              <CategoryButton name={c.name} note={lookup.block(c.block)} onClick={() => onPick(c.code)} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-4 grid grid-cols-[18rem_minmax(0,1fr)] gap-4">
          <ul className="flex flex-col gap-1" aria-label="Блоки">
            {blocks.map((b) => (
              <li key={b.code}>
                <button
                  type="button"
                  aria-pressed={b.code === block}
                  onClick={() => setBlock(b.code)}
                  className={`w-full rounded-md px-3 py-1.5 text-left text-lg ${
                    b.code === block
                      ? 'bg-cyan-900/70 font-semibold text-white'
                      : 'text-slate-300 hover:bg-slate-800'
                  }`}
                >
                  {b.name}
                </button>
              </li>
            ))}
          </ul>
          <ul className="grid content-start gap-2 xl:grid-cols-2" aria-label="Категории блока">
            {lookup.categoriesOf(block).map((c) => (
              <li key={c.code}>
                <CategoryButton name={c.name} onClick={() => onPick(c.code)} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function CategoryButton({ name, note, onClick }: { name: string; note?: string; onClick: () => void }) {
  return (
    <button
      type="button"
      data-testid="picker-category"
      onClick={onClick}
      className="w-full rounded-md border border-slate-700 bg-slate-900 px-4 py-2 text-left text-lg text-slate-100 hover:border-cyan-400 focus:border-cyan-400 focus:outline-none"
    >
      {name}
      {note ? <span className="block text-base text-slate-400">{note}</span> : null}
    </button>
  );
}
