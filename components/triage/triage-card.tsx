'use client';

import type { Ref } from 'react';
import type { DecisionFailure } from '@/components/triage/triage-api';
import {
  formatMoment,
  formatScore,
  placeLine,
  REJECT_LABELS,
  waitingFor,
} from '@/components/triage/triage-format';
import { QUEUE_REJECTIONS, TRIAGE_HOTKEYS } from '@/components/triage/triage-keys';
import type { TriageLookup } from '@/lib/triage/triage-names';
import type { RejectionReason } from '@/lib/domain/statuses';
import type { TriageItem } from '@/lib/triage/get-triage-queue';
import { CategoryPicker } from './category-picker';
import { MunicipalityChoice } from './municipality-choice';
import { Hotkey } from './hotkey';

/** A wait worth the operator's eye: an hour is long for a message nobody has read yet. */
const LONG_WAIT_MS = 60 * 60_000;

const PLACE_CLASS = {
  found: 'text-slate-100',
  // Neutral: an unsure place is work for the operator, not a warning (amber is late / due within 24 h).
  ambiguous: 'text-slate-200 underline decoration-dotted',
  // The operator's question is whether it is ours at all: marked, still not a lateness colour.
  foreign: 'text-sky-200 underline decoration-wavy',
  unknown: 'text-slate-400',
} as const;

interface Props {
  item: TriageItem;
  lookup: TriageLookup;
  now: number;
  selected: boolean;
  busy: boolean;
  failure: DecisionFailure | undefined;
  pickerOpen: boolean;
  cardRef: Ref<HTMLLIElement>;
  /** The municipality the operator chose for an unplaced complaint, or null. */
  place: string | null;
  onPlace: (oktmo: string | null) => void;
  onSelect: () => void;
  onClassify: (category: string) => void;
  onReject: (reason: RejectionReason) => void;
  onOpenPicker: () => void;
  onClosePicker: () => void;
}

/** One queued complaint: what it says, where, and one click (or key) to decide it. */
export function TriageCard(props: Props) {
  const { item, lookup, now, selected, busy, failure, pickerOpen } = props;
  const place = placeLine(item, lookup);
  const waitedMs = now - Date.parse(item.receivedAt);
  const topBlock = item.suggestions[0] ? lookup.blockOfCategory(item.suggestions[0].categoryCode) : null;
  return (
    <li
      ref={props.cardRef}
      tabIndex={selected ? 0 : -1}
      data-testid="triage-card"
      data-complaint-id={item.id}
      data-selected={selected}
      aria-current={selected ? 'true' : undefined}
      aria-busy={busy}
      onClick={props.onSelect}
      className={`rounded-xl border-2 px-6 py-5 outline-none transition-colors ${
        selected ? 'border-cyan-400 bg-slate-900' : 'border-slate-800 bg-slate-950 hover:border-slate-600'
      } ${busy ? 'opacity-60' : ''}`}
    >
      <div className="flex items-baseline justify-between gap-6 text-xl">
        <div className="flex min-w-0 flex-wrap items-baseline gap-x-4 gap-y-1 text-slate-300">
          <span className="font-mono text-slate-400">№&nbsp;{item.id}</span>
          <span className="font-semibold text-slate-100">{lookup.source(item.source)}</span>
          <span className="tabular-nums">получено {formatMoment(item.receivedAt, now)} МСК</span>
          <span
            data-testid="card-waiting"
            className={`font-semibold tabular-nums ${waitedMs >= LONG_WAIT_MS ? 'text-amber-300' : 'text-cyan-200'}`}
          >
            {waitingFor(item.receivedAt, now)}
          </span>
        </div>
        <div className="shrink-0 text-right" data-testid="card-confidence">
          <span className="text-lg text-slate-400">уверенность классификатора </span>
          <span className="text-2xl font-bold tabular-nums text-slate-100">
            {formatScore(item.confidence)}
          </span>
        </div>
      </div>

      <p data-testid="card-excerpt" className="mt-3 whitespace-pre-line text-2xl leading-snug text-white">
        {item.text}
      </p>

      <div className="mt-3 flex items-center justify-between gap-6">
        <div className="flex min-w-0 flex-wrap items-baseline gap-x-6 text-xl">
          <span data-testid="card-place" data-kind={place.kind} className={PLACE_CLASS[place.kind]}>
            <span aria-hidden="true">◉ </span>
            {place.text}
          </span>
          {item.municipality === null ? (
            <MunicipalityChoice
              candidates={item.placeCandidates}
              lookup={lookup}
              value={props.place}
              disabled={busy}
              onChange={props.onPlace}
            />
          ) : null}
          {item.block ? (
            <span className="text-slate-300">блок указан источником: {lookup.block(item.block)}</span>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-3">
          <span className="text-lg text-slate-400">Отклонить:</span>
          {QUEUE_REJECTIONS.map((reason) => (
            <button
              key={reason}
              type="button"
              disabled={busy}
              data-testid={`reject-${reason}`}
              onClick={(e) => {
                e.stopPropagation();
                props.onReject(reason);
              }}
              className="flex items-center gap-2 rounded-lg border border-slate-600 bg-slate-900 px-4 py-2 text-lg text-slate-100 hover:border-slate-300"
            >
              <Hotkey label={TRIAGE_HOTKEYS.reject[reason]} active={selected} />
              {REJECT_LABELS[reason]}
            </button>
          ))}
        </div>
      </div>

      <div className="mt-4 grid grid-cols-4 gap-3">
        {item.suggestions.slice(0, 3).map((s, i) => (
          <button
            key={s.categoryCode}
            type="button"
            disabled={busy}
            data-testid="suggestion"
            data-category={s.categoryCode}
            onClick={(e) => {
              e.stopPropagation();
              props.onClassify(s.categoryCode);
            }}
            className="flex items-start gap-3 rounded-lg border border-slate-600 bg-slate-800 px-4 py-3 text-left hover:border-cyan-400 hover:bg-slate-700 disabled:cursor-wait"
          >
            <Hotkey label={TRIAGE_HOTKEYS.suggestions[i] ?? ''} active={selected} />
            <span className="min-w-0">
              <span className="block text-xl font-semibold leading-tight text-white">
                {lookup.category(s.categoryCode)}
              </span>
              <span className="mt-1 block text-base text-slate-300">
                {lookup.block(lookup.blockOfCategory(s.categoryCode))} ·{' '}
                <span className="tabular-nums">{formatScore(s.score)}</span>
              </span>
            </span>
          </button>
        ))}
        <button
          type="button"
          disabled={busy}
          data-testid="open-picker"
          aria-expanded={pickerOpen}
          onClick={(e) => {
            e.stopPropagation();
            if (pickerOpen) props.onClosePicker();
            else props.onOpenPicker();
          }}
          className="flex items-center gap-3 rounded-lg border border-dashed border-slate-500 px-4 py-3 text-left text-xl text-slate-100 hover:border-cyan-400"
        >
          <Hotkey label={TRIAGE_HOTKEYS.pick} active={selected} />
          Другая категория…
        </button>
      </div>

      {busy ? <p className="mt-3 text-lg text-cyan-200">Сохраняется…</p> : null}
      {failure ? <FailureNote failure={failure} /> : null}
      {pickerOpen ? (
        <CategoryPicker
          lookup={lookup}
          initialBlock={item.block ?? topBlock}
          onPick={props.onClassify}
          onClose={props.onClosePicker}
        />
      ) : null}
    </li>
  );
}

/** The API's refusal as it came: the status, and each field with its reason; the card stays to retry. */
function FailureNote({ failure }: { failure: DecisionFailure }) {
  return (
    <div
      role="alert"
      data-testid="card-error"
      className="mt-4 rounded-lg border border-red-500 bg-red-950/60 px-4 py-3 text-lg text-red-100"
    >
      <p className="font-semibold">
        Не сохранено{failure.status ? ` (HTTP ${failure.status})` : ''}: {failure.message}
      </p>
      {failure.errors.length > 0 ? (
        <ul className="mt-1 list-disc pl-6">
          {failure.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <span className="font-mono">{e.field}</span> — {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
