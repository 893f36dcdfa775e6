import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/log/create-logger';
import { withStepProgress } from '@/lib/log/step-progress';
import { createTerminal } from '@/lib/log/terminal';
import { createProgressBar } from '@/lib/simulator/progress-bar';
import { buildState, writeBuildStamp } from '../../scripts/build-stamp';

/** A stream that keeps what was written; `isTTY` as asked. */
function capture(isTTY: boolean) {
  const chunks: string[] = [];
  return {
    chunks,
    stream: { isTTY, write: (chunk: string) => chunks.push(chunk) },
    text: () => chunks.join(''),
  };
}

/** What a terminal shows: carriage returns and line clears applied, line by line. */
function screen(text: string): string[] {
  const lines: string[] = [''];
  const clear = '\r\x1b[2K';
  for (const part of text
    .split(clear)
    .join('\r')
    .split(/(\r|\n)/)) {
    if (part === '\n') lines.push('');
    else if (part === '\r') lines[lines.length - 1] = '';
    else lines[lines.length - 1] += part;
  }
  return lines;
}

describe('the start-up terminal', () => {
  it('writes a log line above an open progress bar and draws the bar again under it', () => {
    const out = capture(true);
    const terminal = createTerminal(out.stream);
    const bar = createProgressBar(terminal);
    bar(10, 100, 'complaints');
    terminal.write('12:00:01 INFO: simulator: incident started\n');
    bar(50, 100, 'complaints');
    bar(100, 100, 'complaints');
    const lines = screen(out.text());
    expect(lines[0]).toBe('12:00:01 INFO: simulator: incident started');
    expect(lines[1]).toMatch(/^Backfill: complaints \[█+\] 100%/);
    expect(lines[2]).toBe('');
  });

  it('passes everything through unchanged off a terminal', () => {
    const out = capture(false);
    const terminal = createTerminal(out.stream);
    terminal.write('{"msg":"ready"}\n');
    expect(out.chunks).toEqual(['{"msg":"ready"}\n']);
  });

  it('shows a long step while it runs and how long it took, and passes its result and errors through', async () => {
    const tty = capture(true);
    const value = await withStepProgress(
      'Week-ago history',
      () => new Promise<number>((resolve) => setTimeout(() => resolve(7), 450)),
      tty.stream,
    );
    expect(value).toBe(7);
    // The spinner redrew the line at least twice before the step ended with a tick and its seconds.
    expect(
      tty.chunks.filter((c) => c.startsWith('\r') && c.includes('Week-ago history …')).length,
    ).toBeGreaterThan(1);
    const shown = screen(tty.text());
    expect(shown).toEqual([expect.stringMatching(/^✓ Week-ago history \(\d+\.\d s\)$/), '']);
    expect(Number(/\((\d+\.\d) s\)/.exec(shown[0]!)![1])).toBeGreaterThanOrEqual(0.4);

    const log = capture(false);
    await expect(
      withStepProgress('Next.js: prepare', () => Promise.reject(new Error('no build')), log.stream),
    ).rejects.toThrow('no build');
    expect(log.text()).toBe('Next.js: prepare …\n');
  });

  it('logs readable lines on a terminal and JSON lines elsewhere (scripts wait for {"msg":"ready"})', () => {
    const json = capture(false);
    createLogger({ level: 'info', node: 'n1', stream: json.stream }).info({ seconds: 12.5 }, 'ready');
    const line = JSON.parse(json.text()) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'ready', node: 'n1', seconds: 12.5, level: 30 });

    const pretty = capture(true);
    createLogger({ level: 'info', node: 'n1', stream: pretty.stream }).info({ seconds: 12.5 }, 'ready');
    const text = pretty.text();
    expect(text).not.toContain('{"level"');
    expect(text).toMatch(/\d\d:\d\d:\d\d/);
    expect(text).toContain('ready');
    expect(text).toContain('12.5');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('npm start builds only when the sources changed', () => {
  let root: string | null = null;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = null;
  });

  it('builds without a build, after a build made elsewhere, after an edit or a NEXT_PUBLIC_ change; not otherwise', () => {
    root = mkdtempSync(path.join(tmpdir(), 'stamp-'));
    const dist = path.join(root, '.next');
    mkdirSync(path.join(root, 'lib'), { recursive: true });
    writeFileSync(path.join(root, 'lib', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(root, 'package-lock.json'), '{}');
    const env = {};
    expect(buildState(root, dist, env)).toBe('no build');

    mkdirSync(dist);
    writeFileSync(path.join(dist, 'BUILD_ID'), 'b1');
    expect(buildState(root, dist, env)).toBe('built elsewhere');
    writeBuildStamp(root, dist, env);
    expect(buildState(root, dist, env)).toBe('current');
    // Files the build does not read change nothing.
    writeFileSync(path.join(root, 'README.md'), 'notes');
    expect(buildState(root, dist, env)).toBe('current');

    writeFileSync(path.join(root, 'lib', 'a.ts'), 'export const a = 2;\n');
    expect(buildState(root, dist, env)).toBe('sources changed');
    writeBuildStamp(root, dist, env);
    expect(buildState(root, dist, { NEXT_PUBLIC_TEST_HOOKS: '1' })).toBe('sources changed');

    // `npm run build` (the test build) replaced the build: its id is not the stamped one.
    writeFileSync(path.join(dist, 'BUILD_ID'), 'b2');
    expect(buildState(root, dist, env)).toBe('built elsewhere');
  });
});
