'use client';

import { useState } from 'react';
import { QUIET } from './admin-api';

/** A secret or one-time link the server shows once: copy it now, it is not stored anywhere readable. */
export function OnceSecret({
  title,
  value,
  note = 'Скопируйте: ключ больше не будет показан.',
}: {
  title: string;
  value: string;
  note?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="rounded border border-amber-500/60 bg-amber-500/10 p-4"
      data-testid="once-secret"
    >
      <p className="font-semibold text-amber-200">{title}</p>
      <p className="text-amber-100">{note}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code className="break-all rounded bg-slate-950 px-3 py-2 text-base text-white select-all">
          {value}
        </code>
        <button
          type="button"
          className={QUIET}
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Скопировано' : 'Копировать'}
        </button>
      </div>
    </div>
  );
}
