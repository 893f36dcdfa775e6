import type { GeneratedComplaint } from './generator';
import type { Rng } from './random';

/**
 * Share of each channel's messages that arrive as bare text, without a block or category: posts found in social
 * networks and hotline transcripts are not filed against a rubric. Portal, 112 and agency messages always are.
 */
export const UNLABELLED_SHARE_BY_SOURCE: Readonly<Record<string, number>> = {
  incident: 0.3,
  'governor-hotline': 0.2,
};

/** Of the bare messages, those without a geotag: the place must then be read from the text. */
export const NO_GEOTAG_SHARE = 0.5;

/** Of the bare social posts, those with nothing an operator could act on. */
export const VAGUE_SHARE = 0.06;

/** Social posts that name no topic and no place; written for the simulator, not taken from the eval set. */
const VAGUE_POSTS = [
  'Когда это всё закончится? Третий раз пишу, никакой реакции.',
  'Администрация, вы вообще читаете, что вам пишут? Ответьте хоть что-нибудь!',
  'Обещали исправить к понедельнику, уже среда. Как всегда.',
  'Жалуемся всем подъездом, а толку ноль. Куда ещё писать?',
  'Передайте главе, что люди устали ждать.',
  'Опять то же самое, что и на прошлой неделе. Сил нет.',
  'Подскажите, кому писать, если никто не отвечает?',
  'Спасибо за «оперативную» работу, очень смешно.',
  'Сделайте уже что-нибудь, сколько можно терпеть!',
  'Вчера писала в комментариях, ответа так и нет.',
];

export interface UnlabelledMessage {
  complaint: GeneratedComplaint;
  /**
   * What a trained operator would file it under: the category the message was written about, or null for a
   * post with nothing to act on (the operator rejects it for lack of data).
   */
  truth: string | null;
}

/**
 * Strips the rubric (and sometimes the coordinates and address) from a generated message the way the channel
 * would deliver it; null when this message keeps its labels. Intake then classifies and locates it from the
 * text, or puts it into the operator queue.
 */
export function unlabel(generated: GeneratedComplaint, rng: Rng): UnlabelledMessage | null {
  const { input } = generated;
  const share = UNLABELLED_SHARE_BY_SOURCE[input.source] ?? 0;
  if (share <= 0 || !rng.chance(share)) return null;
  const vague = input.source === 'incident' && rng.chance(VAGUE_SHARE);
  const noGeotag = vague || rng.chance(NO_GEOTAG_SHARE);
  const bare = { ...input, text: vague ? rng.pick(VAGUE_POSTS) : input.text };
  delete bare.category;
  delete bare.block;
  if (noGeotag) {
    delete bare.lat;
    delete bare.lon;
    delete bare.address;
  }
  return {
    complaint: { ...generated, input: bare },
    truth: vague ? null : generated.category.code,
  };
}
