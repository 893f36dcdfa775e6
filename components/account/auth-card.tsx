import type { ReactNode } from 'react';

/** The centred card every sign-in and set-up page is drawn in. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-full items-center justify-center px-6 py-12">
      <div className="w-full max-w-md rounded-lg border border-slate-700 bg-slate-950/80 p-8 shadow-xl">
        <p className="text-sm tracking-widest text-cyan-400 uppercase">ЦУР Московской области</p>
        <h1 className="mt-2 text-3xl font-bold">{title}</h1>
        <div className="mt-8">{children}</div>
      </div>
    </main>
  );
}
