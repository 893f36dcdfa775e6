import pino, { type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { stdoutLines, type TerminalStream } from './terminal';

export interface LoggerOptions {
  level: string;
  /** This node's name, on every line: three nodes' logs read side by side stay apart. */
  node: string;
  /** Where lines go (stdout by default); a terminal gets readable lines, anything else one JSON object a line. */
  stream?: TerminalStream;
}

/**
 * The server's logger. On a terminal: pino-pretty (pino's own prettifier, kept by the pino team, the format
 * operators of pino apps know), its formatter called in this thread on each line as pino writes it, so a line and
 * the progress bars written between lines come out in the order they happened; a worker-thread transport (or
 * pino-pretty's stream) would reorder them. Not a terminal (a file, a pipe, a supervisor, the tests and the
 * cluster stage that wait for `ready` or `leader elected`): plain JSON lines, as before.
 */
export function createLogger(options: LoggerOptions): Logger {
  const stream = options.stream ?? stdoutLines();
  const base = { level: options.level, base: { node: options.node } };
  if (!stream.isTTY)
    return options.stream
      ? pino(base, { write: (line: string) => void stream.write(line) })
      : // Synchronous, like the plain lines written beside it (progress, links): the file keeps their order.
        pino(base, pino.destination({ dest: 1, sync: true }));
  const prettify = prettyFactory({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    // One process is one node: its name on every line is noise on a terminal (JSON keeps it).
    ignore: 'pid,hostname,node',
    singleLine: true,
  });
  return pino(base, { write: (line: string) => void stream.write(prettify(line)) });
}
