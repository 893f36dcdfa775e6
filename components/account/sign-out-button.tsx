'use client';

import { useState } from 'react';
import { callApi, problemText, QUIET_BUTTON_CLASS } from './account-api';

/** Ends this browser's session and returns to the sign-in page. */
export function SignOutButton({ label = 'Выйти' }: { label?: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function signOut() {
    setBusy(true);
    const reply = await callApi('DELETE', '/api/v1/session');
    // An expired session is as signed out as a revoked one.
    if (reply.ok || reply.status === 401) {
      window.location.assign('/login');
      return;
    }
    setBusy(false);
    setProblem(problemText(reply));
  }

  return (
    <span className="inline-flex items-center gap-3">
      <button type="button" onClick={signOut} disabled={busy} className={QUIET_BUTTON_CLASS}>
        {label}
      </button>
      {problem && <span className="text-amber-300">{problem}</span>}
    </span>
  );
}
