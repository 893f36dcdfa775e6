import { stdoutLines } from '../log/terminal';
import type { BackfillPhase, ProgressCallback } from './backfill';

const LABELS: Record<BackfillPhase, string> = {
  complaints: 'Backfill: complaints',
  lifecycle: 'Backfill: lifecycle ',
  regions: 'Backfill: regions h ',
};

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** One line: `Backfill: complaints [██████░░░░░░] 48%  46 512 / 96 880`. */
export function formatProgressLine(done: number, total: number, phase: BackfillPhase, width = 30): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `${LABELS[phase]} [${bar}] ${percent}  ${group(done)} / ${group(total)}`;
}

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * A console progress bar for the simulator's backfill. On a terminal it redraws one line in place (\r); in a log
 * file or CI it prints a line at every 10% so the output stays short.
 */
export function createProgressBar(stream: ProgressStream = process.stdout): ProgressCallback {
  let phase: BackfillPhase | null = null;
  let lastDecile = -1;
  let open = false;
  return (done, total, current) => {
    if (current !== phase) {
      if (open) stream.write('\n');
      phase = current;
      lastDecile = -1;
      open = false;
    }
    const complete = done >= total;
    const line = formatProgressLine(done, total, current);
    if (stream.isTTY) {
      stream.write(`\r${line}`);
      open = !complete;
      if (complete) stream.write('\n');
      return;
    }
    const decile = complete ? 10 : Math.floor((done / Math.max(1, total)) * 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      stream.write(`${line}\n`);
    }
  };
}

let stdoutBar: ProgressCallback | null = null;

/** The progress bar on the process's stdout, ready to pass to the simulator's backfill. */
export const renderProgress: ProgressCallback = (done, total, phase) => {
  stdoutBar ??= createProgressBar(stdoutLines());
  stdoutBar(done, total, phase);
};
