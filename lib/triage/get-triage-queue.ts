import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import { homeRegion } from '../queries/scope-filter';
import { classifyText } from '../classify/classify-text';
import { excerptOf, maskPersonalData } from '../text/mask-personal-data';

export interface TriageItem {
  id: number;
  source: string;
  receivedAt: string;
  /** Masked, shortened text (lists). */
  excerpt: string;
  /** The whole text, masked: the operator decides on all of it. */
  text: string;
  block: string | null;
  municipality: string | null;
  placeName: string | null;
  placeCandidates: string[];
  /** The other region the text names as the writer's place («Курская область»): perhaps not ours. */
  possiblyForeignRegion: string | null;
  confidence: number | null;
  /** The classifier's best guesses for the operator to confirm. */
  suggestions: { categoryCode: string; score: number }[];
}

export interface TriageQueue {
  total: number;
  items: TriageItem[];
}

/**
 * The operator queue: complaints the classifier would not guess (no category, still new), in intake order; pages
 * go on after the last id seen.
 */
export async function getTriageQueue(
  db: Db,
  options: { limit: number; after?: number },
): Promise<TriageQueue> {
  // Another region's unclassified complaints wait for their own center, not our operators.
  const waiting = and(isNull(complaints.categoryCode), eq(complaints.status, 'new'), homeRegion());
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: complaints.id,
        source: complaints.sourceCode,
        receivedAt: complaints.receivedAt,
        text: complaints.text,
        block: complaints.blockCode,
        municipality: complaints.municipalityOktmo,
        placeName: complaints.placeName,
        placeCandidates: complaints.placeCandidates,
        possiblyForeignRegion: complaints.possiblyForeignRegion,
        confidence: complaints.classConfidence,
      })
      .from(complaints)
      .where(options.after ? and(waiting, gt(complaints.id, options.after)) : waiting)
      .orderBy(asc(complaints.id))
      .limit(options.limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(complaints)
      .where(waiting),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      source: r.source,
      receivedAt: r.receivedAt.toISOString(),
      excerpt: excerptOf(r.text),
      text: maskPersonalData(r.text),
      block: r.block,
      municipality: r.municipality,
      placeName: r.placeName,
      placeCandidates: r.placeCandidates ? r.placeCandidates.split(',') : [],
      possiblyForeignRegion: r.possiblyForeignRegion,
      confidence: r.confidence,
      suggestions: classifyText(r.text, r.block ? { blockCode: r.block } : undefined).suggestions,
    })),
  };
}
