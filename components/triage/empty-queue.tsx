import { formatTime } from '@/components/ui/format';

/** The calm state of an empty queue: nothing waits, and the page says since when it checked. */
export function EmptyQueue({ updatedAt }: { updatedAt: number }) {
  return (
    <div
      data-testid="triage-empty"
      className="flex flex-col items-center justify-center rounded-xl border border-emerald-800/60 bg-emerald-950/30 px-10 py-24 text-center"
    >
      <span aria-hidden="true" className="text-6xl text-emerald-300">
        ✓
      </span>
      <p className="mt-6 text-4xl font-semibold text-emerald-200">
        Очередь пуста — все обращения распределены
      </p>
      <p className="mt-4 text-xl text-slate-400">
        Новые обращения без категории появятся здесь сами; проверено в {formatTime(updatedAt)} МСК.
      </p>
    </div>
  );
}
