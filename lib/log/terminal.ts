export interface TerminalStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

const CLEAR_LINE = '\r\x1b[2K';

/**
 * One terminal shared by log lines and progress lines (bars, spinners). A chunk starting with `\r` and not ending
 * in a newline is a status line, redrawn in place; one starting with `\r` and ending in a newline replaces the
 * status for good. Any other chunk is a log line: it is written above the open status, which is drawn again
 * under it, so logs and a progress bar never run into each other. Off a terminal everything passes through.
 */
export function createTerminal(out: TerminalStream): TerminalStream {
  if (!out.isTTY) return out;
  let status: string | null = null;
  return {
    isTTY: true,
    write(chunk: string) {
      if (chunk.startsWith('\r')) {
        const text = chunk.startsWith(CLEAR_LINE) ? chunk.slice(CLEAR_LINE.length) : chunk.slice(1);
        if (text.endsWith('\n')) status = null;
        else status = text;
        return out.write(CLEAR_LINE + text);
      }
      if (status === null) return out.write(chunk);
      if (chunk === '\n') {
        status = null;
        return out.write('\n');
      }
      return out.write(CLEAR_LINE + chunk + status);
    },
  };
}

let stdoutTerminal: TerminalStream | null = null;

/**
 * The process's stdout as a shared terminal: the logger, the backfill's bars and the step spinners use it. On a
 * terminal, writes that do not come through it (Next's own lines, console.log) are routed through it too, so
 * they also land above an open bar instead of on it.
 */
export function stdoutLines(): TerminalStream {
  if (stdoutTerminal) return stdoutTerminal;
  const stdout = process.stdout;
  if (!stdout.isTTY) return (stdoutTerminal = stdout);
  const write = stdout.write.bind(stdout) as (chunk: string) => boolean;
  const terminal = createTerminal({ isTTY: true, write });
  stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    terminal.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    callback?.();
    return true;
  }) as typeof stdout.write;
  return (stdoutTerminal = terminal);
}
