import Link from 'next/link';

/** A drill-down for a municipality or block that does not exist: say so in Russian and offer the way back. */
export function DrillNotFound() {
  return (
    <main className="wall-root flex cursor-auto flex-col items-center justify-center gap-[3vh] text-center">
      <p className="text-[12vh] font-bold leading-none text-slate-500">404</p>
      <h1 className="wall-title">Такого округа или блока нет</h1>
      <p className="wall-label text-slate-300">Проверьте код ОКТМО и код блока в адресе.</p>
      <Link href="/wall" className="wall-label text-cyan-300 underline underline-offset-[0.2em]">
        ← к стене региона
      </Link>
    </main>
  );
}
