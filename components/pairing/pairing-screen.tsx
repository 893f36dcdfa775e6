'use client';

import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';

const POLL_MS = 1_500;
const RETRY_MS = 5_000;

type View =
  | { phase: 'loading' }
  | { phase: 'waiting'; code: string; expiresAt: number; qr: string }
  | { phase: 'trouble'; message: string };

type PairingAnswer =
  | { state: 'waiting'; code: string; expiresAt: string }
  | { state: 'paired'; path: string }
  | { state: 'none' };

interface Props {
  /** The sign-in page, for a person who landed here rather than a wall screen. */
  loginHref: string;
}

async function call(method: 'GET' | 'POST'): Promise<PairingAnswer | { state: 'trouble'; retryMs: number }> {
  try {
    const response = await fetch('/api/v1/pairing', { method, cache: 'no-store' });
    if (response.ok) return (await response.json()) as PairingAnswer;
    const after = Number(response.headers.get('retry-after'));
    return { state: 'trouble', retryMs: Number.isFinite(after) && after > 0 ? after * 1000 : RETRY_MS };
  } catch {
    return { state: 'trouble', retryMs: RETRY_MS };
  }
}

/** The URL the admin's phone opens from the QR code: the displays page with the code filled in. */
function adminUrl(code: string): string {
  return `${window.location.origin}/admin/displays?code=${encodeURIComponent(code.replace('-', ''))}`;
}

function remaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A wall screen without identity: asks for a pairing code, shows it large with a QR code for the admin's
 * phone, polls until an admin approves it, then opens the screen it was given. An expired code is renewed.
 */
export function PairingScreen({ loginHref }: Props) {
  const [view, setView] = useState<View>({ phase: 'loading' });
  const [now, setNow] = useState(() => Date.now());
  const viewRef = useRef(view);

  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (next: View) => {
      viewRef.current = next;
      setView(next);
    };

    const handle = async (answer: Awaited<ReturnType<typeof call>>): Promise<number> => {
      if (answer.state === 'paired') {
        window.location.assign(answer.path);
        return -1;
      }
      if (answer.state === 'trouble') {
        if (viewRef.current.phase !== 'waiting')
          show({ phase: 'trouble', message: 'Сервер не отвечает, повторяем…' });
        return answer.retryMs;
      }
      if (answer.state === 'none') return handle(await call('POST'));
      const current = viewRef.current;
      if (current.phase !== 'waiting' || current.code !== answer.code) {
        const qr = await QRCode.toString(adminUrl(answer.code), {
          type: 'svg',
          margin: 1,
          errorCorrectionLevel: 'M',
          color: { dark: '#000000', light: '#ffffff' },
        });
        show({ phase: 'waiting', code: answer.code, expiresAt: Date.parse(answer.expiresAt), qr });
      }
      return POLL_MS;
    };

    const step = async () => {
      if (disposed) return;
      const current = viewRef.current;
      // The first call asks for a code at once (POST gives back the held one while it has time): a screen
      // just revoked shows its new code one round trip sooner than a GET answered «none» would.
      const ask = current.phase !== 'waiting' || current.expiresAt <= Date.now();
      const wait = await handle(await call(ask ? 'POST' : 'GET'));
      if (!disposed && wait >= 0) timer = setTimeout(() => void step(), wait);
    };
    void step();
    const clock = setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      disposed = true;
      clearTimeout(timer);
      clearInterval(clock);
    };
  }, []);

  return (
    <main
      data-testid="pairing-screen"
      className="flex min-h-screen flex-col items-center justify-center gap-[4vh] bg-[#05070c] px-[4vw] py-[4vh] text-center text-slate-100"
    >
      <h1 className="text-[4.5vh] font-semibold text-slate-300">Экран не подключён к ситуационной стене</h1>
      {view.phase === 'waiting' ? (
        <>
          <p
            data-testid="pairing-code"
            className="font-mono text-[12vw] leading-none font-bold tracking-[0.08em] text-cyan-300"
          >
            {view.code}
          </p>
          <div className="flex items-center gap-[4vw]">
            <div
              aria-label="QR-код для администратора"
              className="h-[28vh] w-[28vh] shrink-0 rounded-[1vh] bg-white p-[1vh] [&>svg]:h-full [&>svg]:w-full"
              // The SVG is drawn by the qrcode library from our own URL; nothing of a user's input.
              dangerouslySetInnerHTML={{ __html: view.qr }}
            />
            <div className="max-w-[52vw] text-left text-[3.2vh] leading-snug text-slate-200">
              <p>
                Откройте на телефоне или компьютере администратора: <b>Администрирование → Экраны</b>, введите
                код — или наведите камеру на QR-код.
              </p>
              <p className="mt-[2vh] text-slate-400" data-testid="pairing-countdown">
                Код действует ещё {remaining(view.expiresAt - now)}, затем сменится сам.
              </p>
            </div>
          </div>
        </>
      ) : (
        <p className="text-[4vh] text-slate-400">
          {view.phase === 'trouble' ? view.message : 'Получаем код подключения…'}
        </p>
      )}
      <a href={loginHref} className="text-[2.2vh] text-slate-500 underline underline-offset-4">
        Войти как сотрудник
      </a>
    </main>
  );
}
