'use client';

import type { TriageLookup } from '@/lib/triage/triage-names';

interface Props {
  /** OKTMO codes the place name in the text could mean; offered first. */
  candidates: readonly string[];
  lookup: TriageLookup;
  value: string | null;
  disabled: boolean;
  onChange: (oktmo: string | null) => void;
}

/**
 * For a complaint intake could not place: the operator names the municipality, which routing then uses (a
 * municipal topic goes to that administration instead of the block's ministry). Optional: left empty, the
 * complaint is routed without one.
 */
export function MunicipalityChoice({ candidates, lookup, value, disabled, onChange }: Props) {
  const shared = new Set(candidates);
  const others = lookup.allMunicipalities().filter((m) => !shared.has(m.oktmo));
  return (
    <label className="flex items-baseline gap-3 text-xl text-slate-300" onClick={(e) => e.stopPropagation()}>
      <span>округ:</span>
      <select
        data-testid="card-municipality"
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || null)}
        className="max-w-[22rem] rounded-lg border border-slate-600 bg-slate-900 px-3 py-1.5 text-xl text-slate-100 focus:border-cyan-400"
      >
        <option value="">не указан</option>
        {candidates.length > 0 ? (
          <optgroup label="Названы в тексте">
            {candidates.map((oktmo) => (
              <option key={oktmo} value={oktmo}>
                {lookup.municipality(oktmo)}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="Все округа">
          {others.map((m) => (
            <option key={m.oktmo} value={m.oktmo}>
              {m.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
