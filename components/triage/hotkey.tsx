/** A key cap printed on a button: the key that does the same as the click. */
export function Hotkey({ label, active = true }: { label: string; active?: boolean }) {
  return (
    <kbd
      aria-hidden="true"
      className={`inline-flex min-w-[1.9rem] items-center justify-center rounded-md border px-1.5 font-mono text-base font-bold leading-7 ${
        active ? 'border-slate-400 bg-slate-700 text-white' : 'border-slate-700 bg-slate-900 text-slate-400'
      }`}
    >
      {label}
    </kbd>
  );
}
