import type { ClassifierScores } from '@/db/schema/classifier-versions';

export const pct = (x: number | undefined): string =>
  x === undefined ? '—' : `${(x * 100).toFixed(1).replace('.', ',')} %`;

interface Props {
  scores: ClassifierScores;
  blockNames: Readonly<Record<string, string>>;
}

/** One version's per-block precision, recall and F1 on the held-out decisions, and its top confusions. */
export function VersionDetails({ scores, blockNames }: Props) {
  const name = (code: string) =>
    blockNames[code] ?? (code === 'null' || code === 'none' ? 'без блока' : code);
  const blocks = scores.perBlock.filter((b) => b.support > 0 || b.precision > 0);
  return (
    <div className="grid gap-6 py-3 lg:grid-cols-[2fr_1fr]">
      <table className="w-full text-left text-base">
        <caption className="mb-1 text-left text-slate-400">По блокам (отложенные решения)</caption>
        <thead className="text-slate-400">
          <tr>
            <th className="py-1 pr-4 font-normal">Блок</th>
            <th className="py-1 pr-4 font-normal">Решений</th>
            <th className="py-1 pr-4 font-normal">Точность</th>
            <th className="py-1 pr-4 font-normal">Полнота</th>
            <th className="py-1 font-normal">F1</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {blocks.map((b) => (
            <tr key={b.block} className="border-t border-slate-800">
              <td className="py-1 pr-4">{name(b.block)}</td>
              <td className="py-1 pr-4">{b.support}</td>
              <td className="py-1 pr-4">{pct(b.precision)}</td>
              <td className="py-1 pr-4">{pct(b.recall)}</td>
              <td className="py-1">{pct(b.f1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <p className="mb-1 text-slate-400">Чаще всего путает</p>
        {scores.confusions.length === 0 ? (
          <p className="text-slate-500">ошибок по блокам нет</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {scores.confusions.map((c) => (
              <li key={`${c.expected}-${c.predicted}`}>
                {name(c.expected)} → {name(c.predicted)}: <span className="tabular-nums">{c.count}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
