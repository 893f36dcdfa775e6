'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  classifyFromQueue,
  rejectFromQueue,
  TRIAGE_STALE_AFTER_SECONDS,
  type DecisionFailure,
  type DecisionResult,
} from '@/components/triage/triage-api';
import { useTriageFeed } from '@/components/triage/triage-feed';
import { moveSelection, selectionAfter, triageKeyAction } from '@/components/triage/triage-keys';
import { TriageLookup, type TriageNames } from '@/lib/triage/triage-names';
import { useStaleness } from '@/components/ui/use-staleness';
import { formatCountRu } from '@/lib/i18n/format-ru';
import type { RejectionReason } from '@/lib/domain/statuses';
import type { TriageItem, TriageQueue } from '@/lib/triage/get-triage-queue';
import { DecisionLog, HotkeyLegend, type LoggedDecision } from './decision-log';
import { EmptyQueue } from './empty-queue';
import { TriageCard } from './triage-card';
import { TriageHeader } from './triage-header';

interface Props {
  initialQueue: TriageQueue;
  names: TriageNames;
  /** Server time of the first render, so the server and the first client render show the same ages. */
  serverNow: number;
}

const MAX_LOGGED = 100;

function without<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  next.delete(value);
  return next;
}

/**
 * The operator's queue: the cards oldest first, one selected (keyboard or click), decisions sent to the API
 * and confirmed beside the list. A decided card leaves at once; polls that still carry it (sent before the
 * decision) do not bring it back.
 */
export function TriageScreen({ initialQueue, names, serverNow }: Props) {
  const lookup = useMemo(() => new TriageLookup(names), [names]);
  const [pickerFor, setPickerFor] = useState<number | null>(null);
  const { queue, updatedAt, connection } = useTriageFeed(initialQueue, serverNow, pickerFor !== null);
  const { now, ageMs, stale } = useStaleness(updatedAt, TRIAGE_STALE_AFTER_SECONDS);
  const [decided, setDecided] = useState<ReadonlySet<number>>(() => new Set());
  const [busy, setBusy] = useState<ReadonlySet<number>>(() => new Set());
  const [failures, setFailures] = useState<ReadonlyMap<number, DecisionFailure>>(() => new Map());
  const [log, setLog] = useState<LoggedDecision[]>([]);
  const [selected, setSelected] = useState<number | null>(initialQueue.items[0]?.id ?? null);
  // The municipality an operator chose for a card intake could not place; sent with its classification.
  const [places, setPlaces] = useState<ReadonlyMap<number, string>>(() => new Map());
  const placesRef = useRef(places);
  placesRef.current = places;

  const items = useMemo(() => queue.items.filter((i) => !decided.has(i.id)), [queue.items, decided]);
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const current = selected !== null && ids.includes(selected) ? selected : (ids[0] ?? null);
  const total = Math.max(0, queue.total - (queue.items.length - items.length));
  const oldest = items.reduce<string | null>(
    (min, i) => (min === null || i.receivedAt < min ? i.receivedAt : min),
    null,
  );

  const idsRef = useRef(ids);
  idsRef.current = ids;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  const decide = useCallback(async (id: number, run: () => Promise<DecisionResult>) => {
    if (busyRef.current.has(id)) return;
    setBusy((b) => new Set(b).add(id));
    setPickerFor((p) => (p === id ? null : p));
    const result = await run();
    setBusy((b) => without(b, id));
    if (result.kind === 'failed') {
      setFailures((f) => new Map(f).set(id, result));
      return;
    }
    setFailures((f) => {
      const next = new Map(f);
      next.delete(id);
      return next;
    });
    setSelected((s) => (s === id || s === null ? selectionAfter(idsRef.current, id) : s));
    setDecided((d) => new Set(d).add(id));
    setLog((l) => [{ outcome: result, at: Date.now() }, ...l].slice(0, MAX_LOGGED));
  }, []);

  const classify = useCallback(
    (id: number, category: string) =>
      void decide(id, () => classifyFromQueue(id, category, placesRef.current.get(id))),
    [decide],
  );
  const reject = useCallback(
    (id: number, reason: RejectionReason) => void decide(id, () => rejectFromQueue(id, reason)),
    [decide],
  );

  // Keys act on the selected card; the picker has its own (typing, Escape) while it is open.
  const keyState = useRef({ current, items, pickerFor });
  keyState.current = { current, items, pickerFor };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const state = keyState.current;
      if (state.pickerFor !== null) return;
      const action = triageKeyAction({
        code: event.code,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: event.target as HTMLElement | null,
      });
      if (!action) return;
      const item = state.items.find((i) => i.id === state.current);
      event.preventDefault();
      if (action.kind === 'move') {
        setSelected(moveSelection(idsRef.current, state.current, action.by));
      } else if (item && action.kind === 'suggest') {
        const suggestion = item.suggestions[action.index];
        if (suggestion) classify(item.id, suggestion.categoryCode);
      } else if (item && action.kind === 'reject') {
        reject(item.id, action.reason);
      } else if (item && action.kind === 'pick') {
        setPickerFor(item.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [classify, reject]);

  // The selected card holds the focus (first card on load), so the keys and a screen reader follow it.
  const cards = useRef(new Map<number, HTMLLIElement>());
  useEffect(() => {
    if (current === null || pickerFor !== null) return;
    const card = cards.current.get(current);
    if (!card) return;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  }, [current, pickerFor]);

  const closePicker = useCallback(() => setPickerFor(null), []);

  return (
    <main data-testid="triage-screen" className="min-h-screen bg-[#05070c] text-slate-100">
      <TriageHeader
        total={total}
        oldestReceivedAt={oldest}
        connection={connection}
        updatedAt={updatedAt}
        ageMs={ageMs}
        stale={stale}
        now={now}
      />
      <div className="grid grid-cols-[minmax(0,1fr)_26rem] gap-8 px-10 pb-16 pt-6">
        <section aria-label="Обращения без категории">
          {items.length === 0 ? (
            <EmptyQueue updatedAt={updatedAt} />
          ) : (
            <ol className="flex flex-col gap-5" data-testid="triage-list">
              {items.map((item: TriageItem) => (
                <TriageCard
                  key={item.id}
                  item={item}
                  lookup={lookup}
                  now={now}
                  selected={item.id === current}
                  busy={busy.has(item.id)}
                  failure={failures.get(item.id)}
                  pickerOpen={pickerFor === item.id}
                  cardRef={(el) => {
                    if (el) cards.current.set(item.id, el);
                    else cards.current.delete(item.id);
                  }}
                  place={places.get(item.id) ?? null}
                  onPlace={(oktmo) =>
                    setPlaces((p) => {
                      const next = new Map(p);
                      if (oktmo) next.set(item.id, oktmo);
                      else next.delete(item.id);
                      return next;
                    })
                  }
                  onSelect={() => setSelected(item.id)}
                  onClassify={(category) => classify(item.id, category)}
                  onReject={(reason) => reject(item.id, reason)}
                  onOpenPicker={() => {
                    setSelected(item.id);
                    setPickerFor(item.id);
                  }}
                  onClosePicker={closePicker}
                />
              ))}
            </ol>
          )}
          {total > items.length && items.length > 0 ? (
            <p data-testid="triage-more" className="mt-6 text-center text-xl text-slate-400">
              Показаны {formatCountRu(items.length)} старейших из {formatCountRu(total)}; следующие появятся
              по мере разбора.
            </p>
          ) : null}
        </section>
        <aside className="sticky top-36 flex h-fit flex-col gap-6">
          <DecisionLog log={log} lookup={lookup} now={now} />
          <HotkeyLegend />
        </aside>
      </div>
    </main>
  );
}
