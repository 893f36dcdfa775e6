'use client';

import { INPUT_CLASS, PASSWORD_RULES } from './account-api';

export interface NewPassword {
  password: string;
  repeat: string;
}

/** A new password typed twice, with the rules under it: the first-admin and the set-password forms. */
export function NewPasswordFields({
  value,
  onChange,
  label = 'Пароль',
}: {
  value: NewPassword;
  onChange: (next: NewPassword) => void;
  label?: string;
}) {
  return (
    <>
      <label className="block">
        <span className="text-slate-300">{label}</span>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
          className={INPUT_CLASS}
        />
        <span className="mt-1 block text-sm text-slate-400">{PASSWORD_RULES}</span>
      </label>
      <label className="block">
        <span className="text-slate-300">Пароль ещё раз</span>
        <input
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          value={value.repeat}
          onChange={(e) => onChange({ ...value, repeat: e.target.value })}
          className={INPUT_CLASS}
        />
      </label>
    </>
  );
}

/** What went wrong with a sign-in or set-up form, in the account pages' amber box. */
export function FormProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <p role="alert" className="rounded border border-amber-500/60 bg-amber-500/10 px-4 py-3 text-amber-200">
      {problem}
    </p>
  );
}
