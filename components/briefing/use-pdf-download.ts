'use client';

import { useCallback, useState } from 'react';

/**
 * Fetches the server-rendered PDF of the week and saves it under the name the server gives; when the server
 * has no Chromium (503) the browser's own print dialog takes over, laid out by the print CSS.
 */
export function usePdfDownload(weekId: string) {
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  const download = useCallback(async () => {
    setState('busy');
    try {
      const res = await fetch(`/api/v1/briefing/pdf?week=${encodeURIComponent(weekId)}`);
      if (res.status === 503) {
        setState('idle');
        window.print();
        return;
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const name =
        /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
        `briefing-${weekId}.pdf`;
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState('idle');
    } catch {
      setState('error');
    }
  }, [weekId]);
  return { state, download };
}
