'use client';

import { useEffect } from 'react';

/** A wall screen has nobody at a keyboard: it tries again by itself. */
const RETRY_AFTER_MS = 10_000;

/**
 * What a page shows when it could not be rendered (most often: its database went away while it was being
 * read; a page asked for while the database is known to be down gets the server's own 503 page instead). Says
 * so in words the control room reads from afar, and reloads itself rather than leaving a blank screen.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    const timer = setTimeout(() => {
      reset();
      window.location.reload();
    }, RETRY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [reset]);
  return (
    <main
      role="alert"
      data-testid="page-error"
      className="flex h-screen flex-col items-center justify-center gap-[3vh] px-[6vw] text-center"
    >
      <h1 className="text-[clamp(1.6rem,6vh,9rem)] font-bold text-red-300">⚠ Не удалось показать страницу</h1>
      <p className="max-w-[70ch] text-[clamp(1rem,2.8vh,4rem)] text-slate-200">
        Нет связи с сервером или базой данных. Страница обновится сама через 10 секунд.
      </p>
    </main>
  );
}
