/** Figures, their targets, the printed tables and the JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Target {
  /** `within`: |figure − value| ≤ tolerance (for "should be the same" ratios). */
  op: '>=' | '<' | '<=' | '=' | 'within';
  value: number;
  tolerance?: number;
}

export interface Figure {
  label: string;
  value: number | string;
  unit: string;
  target?: Target;
  /** Computed from the target; absent for figures that are context only. */
  verdict?: 'PASS' | 'MISS';
}

export interface PhaseResult {
  phase: string;
  title: string;
  elapsedSeconds: number;
  figures: Figure[];
  /** How a figure was measured, caveats: printed under the table. */
  notes: string[];
  /** Everything else worth keeping (distributions, per-query numbers). */
  details: Record<string, unknown>;
  error?: string;
}

export function figure(label: string, value: number | string, unit: string, target?: Target): Figure {
  const f: Figure = { label, value, unit };
  if (target) {
    f.target = target;
    const v = typeof value === 'number' ? value : Number.NaN;
    const checks: Record<Target['op'], () => boolean> = {
      '>=': () => v >= target.value,
      '<': () => v < target.value,
      '<=': () => v <= target.value,
      '=': () => v === target.value,
      within: () => Math.abs(v - target.value) <= (target.tolerance ?? 0),
    };
    const ok = checks[target.op]();
    f.verdict = ok ? 'PASS' : 'MISS';
  }
  return f;
}

export function fmt(v: number | string): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return 'n/a';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en');
  if (Number.isInteger(v)) return String(v);
  if (Math.abs(v) >= 100) return String(Math.round(v));
  return v.toFixed(Math.abs(v) < 10 ? 2 : 1);
}

function describeTarget(t: Target, unit: string): string {
  if (t.op === 'within') return `${fmt(t.value)} ± ${fmt(t.tolerance ?? 0)} ${unit}`.trim();
  return `${t.op} ${fmt(t.value)} ${unit}`.trim();
}

export function renderPhase(result: PhaseResult): string {
  const rows = result.figures.map((f) => [
    f.label,
    `${fmt(f.value)} ${f.unit}`.trim(),
    f.target ? describeTarget(f.target, f.unit) : '',
    f.verdict ?? '',
  ]);
  const head = ['figure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [
    '',
    `== ${result.title} (${result.elapsedSeconds.toFixed(0)} s) ==`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (result.error) out.push(`!! phase failed: ${result.error}`);
  for (const note of result.notes) out.push(`  · ${note}`);
  return out.join('\n');
}

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  totalMemoryGiB: number;
  node: string;
  postgres: string;
  platform: string;
}

export function machineInfo(postgresVersion: string): MachineInfo {
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres: postgresVersion,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** Writes bench/results/<ISO time>.json and bench/results/latest.json; returns the dated file's path. */
export function writeResults(root: string, doc: Record<string, unknown>, at: Date): string {
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const file = path.join(
    dir,
    `${at
      .toISOString()
      .replace(/:/g, '-')
      .replace(/\.\d+Z$/, 'Z')}.json`,
  );
  writeFileSync(file, text);
  writeFileSync(path.join(dir, 'latest.json'), text);
  return file;
}
