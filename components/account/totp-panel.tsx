'use client';

import { useState, type FormEvent } from 'react';
import { BUTTON_CLASS, callApi, INPUT_CLASS, problemText, QUIET_BUTTON_CLASS } from './account-api';

interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** The second factor: enrol an authenticator app (QR and confirming code), or turn it off with the password. */
export function TotpPanel({ enabled: initiallyEnabled }: { enabled: boolean }) {
  const [enabled, setEnabled] = useState(initiallyEnabled);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function begin() {
    setBusy(true);
    setProblem(null);
    const reply = await callApi<Enrolment>('POST', '/api/v1/me/totp');
    setBusy(false);
    if (reply.ok) setEnrolment(reply.body);
    else setProblem(problemText(reply));
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const reply = await callApi('PUT', '/api/v1/me/totp', { code });
    setBusy(false);
    if (reply.ok) {
      setEnabled(true);
      setEnrolment(null);
      setCode('');
    } else
      setProblem(
        reply.code === 'totp_invalid' ? 'Код неверен или устарел — введите свежий.' : problemText(reply),
      );
  }

  async function disable(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const reply = await callApi('DELETE', '/api/v1/me/totp', { password });
    setBusy(false);
    setPassword('');
    if (reply.ok) setEnabled(false);
    else setProblem(problemText(reply));
  }

  const alert = problem && (
    <p role="alert" className="text-amber-300">
      {problem}
    </p>
  );

  if (enabled)
    return (
      <div className="flex flex-col gap-4" data-testid="totp-panel" data-enabled="true">
        <p className="text-emerald-300">
          Включена: при входе спрашивается код из приложения-аутентификатора.
        </p>
        <form onSubmit={disable} className="flex flex-wrap items-end gap-4">
          <label className="block w-72">
            <span className="text-slate-300">Пароль для отключения</span>
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              className={INPUT_CLASS}
            />
          </label>
          <button type="submit" disabled={busy} className={QUIET_BUTTON_CLASS}>
            Отключить
          </button>
        </form>
        {alert}
      </div>
    );

  return (
    <div className="flex flex-col gap-4" data-testid="totp-panel" data-enabled="false">
      {!enrolment ? (
        <div>
          <button type="button" onClick={begin} disabled={busy} className={BUTTON_CLASS}>
            Включить вход с кодом
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-8">
          {/* The SVG is drawn by our own server from the otpauth URI (lib/identity/qr-svg.ts). */}
          <div
            className="h-56 w-56 shrink-0 rounded bg-white p-2"
            aria-label="QR-код для приложения-аутентификатора"
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
          />
          <form onSubmit={confirm} className="flex max-w-md flex-col gap-4">
            <p className="text-slate-300">
              Отсканируйте код приложением-аутентификатором (Яндекс Ключ, Google Authenticator, FreeOTP…) или
              введите ключ вручную:
            </p>
            <code className="break-all rounded bg-slate-950 px-3 py-2 font-mono text-white select-all">
              {enrolment.secret}
            </code>
            <label className="block">
              <span className="text-slate-300">Код из приложения</span>
              <input
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,7}"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
                className={`${INPUT_CLASS} tracking-[0.4em] tabular-nums`}
              />
            </label>
            <button type="submit" disabled={busy} className={BUTTON_CLASS}>
              Подтвердить
            </button>
          </form>
        </div>
      )}
      {alert}
    </div>
  );
}
