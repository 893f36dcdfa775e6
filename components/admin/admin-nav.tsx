'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  { href: '/admin', label: 'Пользователи' },
  { href: '/admin/displays', label: 'Экраны' },
  { href: '/admin/keys', label: 'Ключи источников' },
  { href: '/admin/imports', label: 'Импорт Open311' },
  { href: '/admin/classifier', label: 'Классификатор' },
  { href: '/admin/audit', label: 'Журнал' },
  { href: '/account', label: 'Мой профиль' },
] as const;

/** The admin section's tabs; the current one is marked for people and for assistive technology. */
export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Администрирование" className="flex flex-wrap gap-2">
      {ITEMS.map((item) => {
        const current = item.href === '/admin' ? path === '/admin' : path.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={`rounded px-4 py-2 text-lg ${
              current ? 'bg-cyan-500/20 text-cyan-200' : 'text-slate-300 hover:bg-slate-800 hover:text-white'
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
