/** How the center's classifier is retrained and judged; one place, so the page and the report can quote it. */
export const LEARNING = {
  /** The leader retrains after this many new decisions… */
  afterDecisions: 200,
  /** …or this often when any arrived meanwhile. */
  intervalMs: 3_600_000,
  /** How often the leader counts new decisions (one indexed count). */
  checkMs: 60_000,
  /** The most recent share of the decisions is held out: measured on, never trained on. */
  heldOutShare: 0.2,
  heldOutMax: 1_000,
  /** Fewer held-out decisions than this say too little to judge a version by. */
  heldOutMin: 20,
  /** The thresholds are calibrated so that this share of the confident blocks is right. */
  targetPrecision: 0.9,
  /** A calibrated threshold never goes below this: greetings and thanks must not pass on a lucky slice. */
  thresholdFloor: 0.25,
  /** The candidate's top guess may lose this much block accuracy against the live one and still win. */
  overallTolerance: 0.02,
  /** A decision counts this many times against one template of the seed corpus: it is a real letter. */
  decisionRepeat: 2,
  /**
   * The most recent center examples a version trains on: with the seed corpus and the repeats that is about
   * 10,000 texts, a build of a few seconds on one core. Older ones stay stored; the newest say more.
   */
  maxCenterExamples: 4_000,
} as const;
