import type { CSSProperties, ReactNode } from 'react';

/** Class names on the region wall and on a block panel; the warning colour is the wall's on both. */
const CLASSES = {
  wall: { tile: 'wall-counter', label: 'wall-counter__label', numeral: 'wall-numeral' },
  panel: {
    tile: 'panel-counter',
    label: 'wall-counter__label panel-counter__label',
    numeral: 'panel-numeral',
  },
} as const;

export interface CounterSpec<K extends string> {
  key: K;
  testId: string;
  label: string;
}

interface CounterListProps<K extends string, S extends CounterSpec<K>> {
  variant: keyof typeof CLASSES;
  counters: (S & CounterSpec<K>)[];
  /** Any object with a number under every counter's key; the keys are inferred from `counters` alone. */
  values: Record<NoInfer<K>, number>;
  format: (n: number) => string;
  /** Layout of the `<dl>`: a column on the wall, a row of tiles on a panel. */
  className: string;
  testId?: string;
  /** The same number a week ago ('' when unknown) as `data-week-ago`, for the e2e tests. */
  weekAgoOf?: (counter: S) => number | '';
  /** Further `<dd>`s of a tile, after its numeral. */
  extraOf?: (counter: S, value: number) => ReactNode;
}

/**
 * The counters of a screen as one `<dl>`. Shared so the alarm rule, the numeral sizing and the markup the e2e
 * tests read (`data-testid`, `data-value`) are the same on the wall and on every panel.
 */
export function CounterList<K extends string, S extends CounterSpec<K>>(props: CounterListProps<K, S>) {
  const { variant, counters, values, format, className, testId, weekAgoOf, extraOf } = props;
  const classes = CLASSES[variant];
  const texts = counters.map((c) => format(values[c.key]));
  // One size for all numerals, shrunk only when the longest would not fit its tile: globals.css sizes
  // `.wall-numeral` and `.panel-numeral` from `--numeral-chars`.
  const chars = Math.max(3, ...texts.map((t) => t.length));
  return (
    <dl data-testid={testId} className={className} style={{ '--numeral-chars': chars } as CSSProperties}>
      {counters.map((c, i) => {
        const value = values[c.key];
        // Overdue is the one number here the room must act on: a warning (amber; its very late part is
        // red on the block screens' breach numbers). The label names it, so colour is not the only sign.
        const warning = c.key === 'overdue' && value > 0;
        return (
          <div
            key={c.key}
            data-testid={c.testId}
            data-value={value}
            data-week-ago={weekAgoOf?.(c)}
            data-tone={warning ? 'warning' : 'neutral'}
            className={`${classes.tile} ${warning ? 'wall-counter--warning' : ''}`}
          >
            <dt className={classes.label}>{c.label}</dt>
            <dd className={classes.numeral}>{texts[i]}</dd>
            {extraOf?.(c, value)}
          </div>
        );
      })}
    </dl>
  );
}
