'use client';

import { useEffect, useState } from 'react';

interface Props {
  token: string;
}

/**
 * A ready display link opened on a screen: a page cannot set the display cookie while it renders, so this
 * posts the link's token to the API (which sets it) and then opens the screen it was made for.
 */
export function DisplayLink({ token }: Props) {
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    void (async () => {
      try {
        const response = await fetch('/api/v1/pairing/link', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
          cache: 'no-store',
        });
        if (!response.ok) throw new Error(String(response.status));
        const { path } = (await response.json()) as { path: string };
        if (!disposed) window.location.replace(path);
      } catch {
        if (!disposed) setFailed(true);
      }
    })();
    return () => {
      disposed = true;
    };
  }, [token]);

  return (
    <main
      data-testid="display-link"
      className="flex min-h-screen flex-col items-center justify-center gap-[4vh] bg-[#05070c] px-[6vw] text-center text-slate-100"
    >
      {failed ? (
        <>
          <h1 className="text-[5vh] font-semibold text-amber-300">Ссылка не действует</h1>
          <p className="text-[3vh] text-slate-300">
            Её уже использовали или срок истёк. Подключите экран по коду.
          </p>
          <a href="/pair" className="text-[3vh] text-cyan-300 underline underline-offset-4">
            Показать код подключения
          </a>
        </>
      ) : (
        <p className="text-[4vh] text-slate-400">Подключаем экран…</p>
      )}
    </main>
  );
}
