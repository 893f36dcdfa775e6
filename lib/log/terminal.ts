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

/** The process's stdout as a shared terminal: the logger, the backfill's bars and the step spinners use it. */
export function stdoutLines(): TerminalStream {
  stdoutTerminal ??= createTerminal(process.stdout);
  return stdoutTerminal;
}
