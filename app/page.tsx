import Link from 'next/link';

const VIEWS = [
  {
    href: '/wall',
    title: 'Стена региона',
    text: 'Карта Московской области: тепловая карта открытых обращений, счётчики за сегодня и за час, просрочка, новые обращения в реальном времени.',
  },
];

export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-8 py-16">
      <h1 className="text-4xl font-bold">ЦУР Московской области</h1>
      <p className="mt-3 text-lg text-slate-400">
        Ситуационная стена: «Все знаем — быстро решаем — не допускаем».
      </p>
      <ul className="mt-10 flex flex-col gap-6">
        {VIEWS.map((v) => (
          <li key={v.href}>
            <Link
              href={v.href}
              className="block rounded-lg border border-slate-700 p-6 hover:border-cyan-400"
            >
              <span className="text-2xl font-semibold text-cyan-300">{v.title}</span>
              <span className="mt-2 block text-slate-300">{v.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
