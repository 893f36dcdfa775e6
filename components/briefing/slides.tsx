import type { ReactNode } from 'react';
import type { Briefing } from '@/lib/briefing/types';
import type { SlideMeta } from './slide-frame';
import { SlideBlocks } from './slide-blocks';
import { SlideFixed } from './slide-fixed';
import { SlideMunicipalities } from './slide-municipalities';
import { SlideNumbers } from './slide-numbers';
import { PROBLEM_BLOCKS_PER_SLIDE, SlideProblems } from './slide-problems';
import { SlideSummary } from './slide-summary';
import { SlideTension } from './slide-tension';
import { SlideVotes } from './slide-votes';

export interface SlideSpec {
  id: string;
  render: (meta: SlideMeta) => ReactNode;
}

/** The briefing's slides in order; the problems take as many slides as the blocks need. */
export function briefingSlides(b: Briefing): SlideSpec[] {
  const parts = Math.max(1, Math.ceil(b.problems.length / PROBLEM_BLOCKS_PER_SLIDE));
  return [
    { id: 'numbers', render: (meta) => <SlideNumbers b={b} meta={meta} /> },
    { id: 'blocks', render: (meta) => <SlideBlocks b={b} meta={meta} /> },
    { id: 'tension', render: (meta) => <SlideTension b={b} meta={meta} /> },
    { id: 'municipalities', render: (meta) => <SlideMunicipalities b={b} meta={meta} /> },
    ...Array.from({ length: parts }, (_, part) => ({
      id: `problems-${part + 1}`,
      render: (meta: SlideMeta) => <SlideProblems b={b} meta={meta} part={part} parts={parts} />,
    })),
    { id: 'fixed', render: (meta) => <SlideFixed b={b} meta={meta} /> },
    { id: 'votes', render: (meta) => <SlideVotes b={b} meta={meta} /> },
    { id: 'summary', render: (meta) => <SlideSummary b={b} meta={meta} /> },
  ];
}
