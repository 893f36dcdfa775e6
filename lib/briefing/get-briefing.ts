import type { AppContext } from '../context';
import { getBriefingBacklog } from './get-briefing-backlog';
import { getBriefingFixed } from './get-briefing-fixed';
import { getBriefingFlows } from './get-briefing-flows';
import { getBriefingMunicipalityLoad } from './get-briefing-municipality-load';
import { getBriefingProblems } from './get-briefing-problems';
import { getBriefingQuality } from './get-briefing-quality';
import { getBriefingIncidents } from './get-briefing-incidents';
import { getBriefingVotes } from './get-briefing-votes';
import { getBriefingWeekGroups } from './get-briefing-week-groups';
import { incidentsFromTable, topProblems } from './week-trouble';
import { excerptOf } from '../text/mask-personal-data';
import {
  changePctOf,
  improvedOf,
  laggingOf,
  municipalityWeeks,
  pickExamples,
  BRIEFING_MIN_COUNT,
} from './assemble';
import type { Briefing, BriefingWeekInfo } from './types';
import { previousWindow, weekWindow, windowDates, type IsoWeek, type WeekWindow } from './week';
import { weekOptions, weekRangeLabelRu } from './week-label';

/** Two lines per block: with place, open count and trend each, three do not fit a card at 24 px. */
const PROBLEMS_PER_BLOCK = 2;
const VOTE_ITEMS = 7;

function weekInfo(w: WeekWindow): BriefingWeekInfo {
  const fullEnd = new Date(w.start.getTime() + 7 * 86_400_000);
  return {
    id: w.id,
    label: weekRangeLabelRu(w.start, fullEnd),
    start: w.start.toISOString(),
    end: w.end.toISOString(),
    complete: w.complete,
  };
}

/**
 * The whole briefing of an ISO week against the week before, assembled from one small query per figure (the
 * rollups where they answer, index ranges of the raw tables where they do not). A week under way is counted to
 * its last whole hour and compared with the same span of the week before.
 */
export async function getBriefing(ctx: AppContext, week: IsoWeek): Promise<Briefing> {
  const now = ctx.now();
  const { db, reference: ref } = ctx;
  const cur = weekWindow(week, now);
  const prev = previousWindow(cur);
  const spans = { current: cur, previous: prev };
  const blockCodes = [...ref.blocks.values()].sort((a, b) => a.sortOrder - b.sortOrder).map((b) => b.code);
  const oktmos = [...ref.municipalities.keys()];

  const [flows, quality, backlogNow, backlogBefore, load, problems, groups, incidentRows, fixed, votes] =
    await Promise.all([
      getBriefingFlows(db, spans),
      getBriefingQuality(db, { current: windowDates(cur), previous: windowDates(prev) }),
      getBriefingBacklog(db, cur.complete ? cur.end : null, oktmos),
      getBriefingBacklog(db, prev.end, []),
      getBriefingMunicipalityLoad(db, spans),
      getBriefingProblems(db, spans, blockCodes),
      getBriefingWeekGroups(db, spans),
      getBriefingIncidents(db, cur),
      getBriefingFixed(db, spans),
      getBriefingVotes(db, spans, VOTE_ITEMS),
    ]);

  const municipalityRows = municipalityWeeks(
    ref.municipalities.values(),
    load,
    quality.onTimeByMunicipality,
    backlogNow.overdue === null ? null : backlogNow.overdueByMunicipality,
  );
  const municipalityName = (oktmo: string | null) =>
    oktmo ? (ref.municipalities.get(oktmo)?.shortName ?? oktmo) : 'Место не указано';
  // One truth: the tension slide's incidents are the objects the problems slide's lines carry.
  const incidents = incidentsFromTable(incidentRows, ref);
  const problemBlocks = topProblems(groups, incidents, ref, blockCodes, PROBLEMS_PER_BLOCK);

  return {
    week: weekInfo(cur),
    previousWeek: weekInfo(prev),
    generatedAt: now.toISOString(),
    headline: {
      received: flows.received,
      resolved: flows.resolved,
      newProblems: problems.newProblems,
      problemsTouched: problems.touched,
      onTime: quality.onTime,
      overdueAtEnd: { current: backlogNow.overdue, previous: backlogBefore.overdue },
      openAtEnd: { current: backlogNow.open, previous: backlogBefore.open },
      reopened: quality.reopened,
    },
    blocks: blockCodes.map((code) => {
      const pair = flows.byBlock.get(code) ?? { current: 0, previous: 0 };
      return { code, name: ref.blocks.get(code)?.name ?? code, ...pair, changePct: changePctOf(pair) };
    }),
    tension: { incidents },
    municipalities: {
      minCount: BRIEFING_MIN_COUNT,
      rows: municipalityRows,
      lagging: laggingOf(municipalityRows),
      improved: improvedOf(municipalityRows),
    },
    problems: problemBlocks,
    fixed: {
      resolved: flows.resolved,
      resolutions: fixed.resolutions,
      withPhotos: fixed.withPhotos,
      reopened: quality.reopened,
      onTime: quality.onTime,
      examples: pickExamples(fixed.latest, ref),
    },
    votes: {
      count: votes.count,
      items: votes.items.map((v) => ({
        complaintId: v.complaintId,
        at: v.at.toISOString(),
        blockName: v.blockCode ? (ref.blocks.get(v.blockCode)?.name ?? v.blockCode) : 'Без блока',
        category: v.categoryCode,
        categoryName: v.categoryCode
          ? (ref.categories.get(v.categoryCode)?.name ?? v.categoryCode)
          : 'Без категории',
        municipalityName: municipalityName(v.municipalityOktmo),
        text: excerptOf(v.text, 140),
        comment: v.comment ? excerptOf(v.comment, 120) : null,
      })),
      notEligible: {
        count: votes.notEligible.count,
        categories: votes.notEligible.byCategory.map((c) => ({
          name: c.categoryCode
            ? (ref.categories.get(c.categoryCode)?.name ?? c.categoryCode)
            : 'Без категории',
          n: c.n,
        })),
      },
    },
    weeks: weekOptions(now),
  };
}
