import Link from 'next/link';
import { requirePage } from '@/lib/http/page-access';
import { getApp } from '@/lib/server/app-registry';

// The block list comes from the running app's reference data.
export const dynamic = 'force-dynamic';

const VIEWS = [
  {
    href: '/wall',
    title: 'Стена региона',
    text: 'Карта Московской области: открытые обращения по ячейкам, счётчики за сегодня и за час, просрочка, новые обращения в реальном времени, повтор последних суток или недели.',
  },
  {
    href: '/wall/grid',
    title: 'Панели блоков',
    text: 'Одиннадцать отраслевых блоков: нагрузка по округам, просрочка, динамика к прошлой неделе, исполнители. Щелчок по округу открывает его карточку.',
  },
  {
    href: '/briefing',
    title: 'Брифинг губернатора',
    text: 'Неделя в цифрах к предыдущей: рост и снижение по блокам, точки напряжённости, отстающие округа, решённое с фотоотчётом, вынесенное на голосование. Выгрузка в PDF.',
  },
  {
    href: '/russia',
    title: 'Федеральный вид',
    text: 'Сеть ЦУР всех регионов на карте России: поступление, открытые и просроченные обращения, какие центры на связи.',
  },
  {
    href: '/shift',
    title: 'Смена дежурного',
    text: 'Что нового с начала смены, кому звонить сейчас (инциденты и сильная просрочка, по числу жителей), приём инцидентов и сводка для передачи смены.',
  },
  {
    href: '/triage',
    title: 'Очередь оператора',
    text: 'Обращения, которые классификатор не распознал уверенно: подсказки категорий, место по тексту, решение в один щелчок или клавишей.',
  },
] as const;

export default async function HomePage() {
  await requirePage('wall:read', { scope: {} }, { from: '/', wall: true });
  const blocks = [...getApp().ctx.reference.blocks.values()];
  return (
    <main className="mx-auto max-w-4xl px-8 py-16">
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
      <h2 className="mt-12 text-2xl font-semibold">Блоки</h2>
      <ul className="mt-4 grid grid-cols-2 gap-3" data-testid="home-blocks">
        {blocks.map((b) => (
          <li key={b.code}>
            <Link
              href={`/wall/${b.code}`}
              className="block rounded border border-slate-800 px-4 py-3 text-slate-200 hover:border-cyan-400"
            >
              {b.name}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-12 text-slate-500">
        API:{' '}
        <a href="/api/v1/openapi.json" className="text-cyan-400 underline">
          OpenAPI
        </a>{' '}
        ·{' '}
        <a href="/open311/v2/services.json" className="text-cyan-400 underline">
          Open311 GeoReport v2
        </a>
      </p>
    </main>
  );
}
