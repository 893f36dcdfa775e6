import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';

export const metadata: Metadata = { title: 'Администрирование — ЦУР Московской области' };

/** The admin section's frame: each page checks its own access (the layout renders for every child). */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-full bg-[#05070c] text-slate-100">
      <header className="border-b border-slate-800 px-10 py-5">
        <div className="flex flex-wrap items-end justify-between gap-6">
          <div>
            <Link href="/" className="text-lg text-cyan-300 underline-offset-4 hover:underline">
              ← На главную
            </Link>
            <h1 className="mt-1 text-3xl font-bold">Администрирование</h1>
          </div>
          <AdminNav />
        </div>
      </header>
      <main className="px-10 py-8">{children}</main>
    </div>
  );
}
