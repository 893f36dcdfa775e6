import { useState, type FormEvent, type ReactNode } from 'react';
import { REJECTION_REASONS, type RejectionReason } from '@/lib/domain/statuses';
import type { FieldError } from '@/lib/domain/field-errors';
import type { MoveBody } from './worklist-api';
import { fieldMessageRu, fieldOf, REASON_LABELS } from './worklist-format';

export type FormKind = 'resolved' | 'rejected';

interface Props {
  kind: FormKind;
  busy: boolean;
  /** The server's refusals of the last attempt, shown next to their fields. */
  errors: FieldError[];
  onSubmit: (body: Exclude<MoveBody, { status: 'in_progress' }>) => void;
  onCancel: () => void;
}

const FIELD_CLASS =
  'mt-1 w-full rounded-lg border border-slate-600 bg-slate-900 px-4 py-3 text-lg text-white outline-none focus:border-cyan-400';

function FieldErrors({ errors, field }: { errors: FieldError[]; field: string }) {
  const mine = errors.filter((e) => fieldOf(e) === field);
  if (mine.length === 0) return null;
  return (
    <ul data-testid={`error-${field}`} className="mt-1 text-base text-red-300">
      {mine.map((e, i) => (
        <li key={i}>{fieldMessageRu(e)}</li>
      ))}
    </ul>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block text-lg text-slate-300">
      {label}
      {children}
    </label>
  );
}

/**
 * A resolution (answer to the resident and photos of the fix) or a rejection (reason and answer). The server
 * is the judge of the fields; its refusals appear under each field in Russian.
 */
export function TransitionForm({ kind, busy, errors, onSubmit, onCancel }: Props) {
  const [answer, setAnswer] = useState('');
  const [photos, setPhotos] = useState('');
  const [reason, setReason] = useState<RejectionReason | ''>('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (kind === 'resolved') {
      const photoUrls = photos
        .split(/\s+/)
        .map((u) => u.trim())
        .filter((u) => u.length > 0);
      onSubmit({ status: 'resolved', answer, photoUrls });
    } else {
      // An empty reason is sent as missing, so the server names the field.
      onSubmit({ status: 'rejected', answer, reason: (reason || undefined) as RejectionReason });
    }
  }

  const others = errors.filter((e) => !['answer', 'photoUrls', 'reason'].includes(fieldOf(e)));
  return (
    <form
      onSubmit={submit}
      data-testid={`form-${kind}`}
      className="mt-4 space-y-4 rounded-lg border border-slate-700 bg-slate-900/60 p-5"
    >
      {kind === 'rejected' ? (
        <Field label="Причина отклонения">
          <select
            value={reason}
            onChange={(e) => setReason(e.target.value as RejectionReason | '')}
            className={FIELD_CLASS}
            name="reason"
          >
            <option value="">— выберите —</option>
            {REJECTION_REASONS.map((r) => (
              <option key={r} value={r}>
                {REASON_LABELS[r]}
              </option>
            ))}
          </select>
          <FieldErrors errors={errors} field="reason" />
        </Field>
      ) : null}
      <Field label="Ответ жителю">
        <textarea
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          rows={3}
          maxLength={4000}
          name="answer"
          className={FIELD_CLASS}
        />
        <FieldErrors errors={errors} field="answer" />
      </Field>
      {kind === 'resolved' ? (
        <Field label="Ссылки на фото результата (по одной в строке)">
          <textarea
            value={photos}
            onChange={(e) => setPhotos(e.target.value)}
            rows={2}
            name="photoUrls"
            placeholder="https://…"
            className={`${FIELD_CLASS} font-mono`}
          />
          <FieldErrors errors={errors} field="photoUrls" />
        </Field>
      ) : null}
      {others.length > 0 ? (
        <ul role="alert" className="text-base text-red-300">
          {others.map((e, i) => (
            <li key={i}>{fieldMessageRu(e)}</li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={busy}
          className={`rounded-lg border px-5 py-2 text-lg disabled:cursor-wait disabled:opacity-60 ${
            kind === 'resolved'
              ? 'border-emerald-500 bg-emerald-900/50 text-emerald-50 hover:bg-emerald-800/60'
              : 'border-red-500 bg-red-950/60 text-red-50 hover:bg-red-900/60'
          }`}
        >
          {kind === 'resolved' ? 'Отметить решённым' : 'Отклонить обращение'}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-lg border border-slate-600 px-5 py-2 text-lg text-slate-200 hover:border-slate-400"
        >
          Отмена
        </button>
      </div>
    </form>
  );
}
