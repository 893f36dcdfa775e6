/*
 * The media block says how a problem reached the center (a post, an article, a video, a petition), not what
 * it is about. Its training texts share «жители», «обращение», «фото» with every other letter, so without a
 * word of the channel itself the block only catches letters the model cannot place elsewhere: a holiday
 * greeting «всем жителям», a portal's «приложите фотографию». It competes only when the text names a medium.
 * Matched on prepared text (lower case, «ё» → «е»).
 */
const MEDIA_WORDS = new RegExp(
  [
    'пост(?:а|е|ом|ы|ов)?(?![а-я])',
    'паблик',
    'групп[аеуы] (?:в )?(?:вк|вконтакте|в соцсет)',
    '(?:в|во) групп[аеу]',
    'вконтакте',
    '(?<![а-я])вк(?![а-я])',
    'телеграм',
    'телеграмм',
    'tg|telegram|vk\\.com|youtube|tiktok|instagram',
    'чат(?:е|ах|ы|ов)?(?![а-я])',
    'соцсет',
    'социальн[а-я]* сет',
    'публикац',
    'опубликова',
    'газет',
    'стать[яеюи]',
    'журналист',
    'сюжет',
    'телеканал',
    'репортаж',
    'издани',
    'новостн',
    'сми(?![а-я])',
    'фейк',
    'слух',
    'недостоверн',
    'ложн',
    'опроверг',
    'вброс',
    'видео',
    'ролик',
    'ютуб',
    'тикток',
    'инстаграм',
    'блогер',
    'подпис(?:ал|ей|и|ь|ям|ями|ан)',
    'петици',
    'коллективн',
    'инициативн[а-я]* групп',
    'общее обращение',
    'в сети(?![а-я])',
    'репост',
    'комментари',
    'просмотр',
    'эфир',
    'резонанс',
  ].join('|'),
);

/** Blocks that may be guessed only with a word of their channel in the text. */
const EVIDENCE_BY_BLOCK: ReadonlyMap<string, RegExp> = new Map([['media', MEDIA_WORDS]]);

/** False when `blockCode` needs a channel word the prepared text does not have. */
export function blockHasEvidence(blockCode: string | undefined, preparedText: string): boolean {
  const words = blockCode === undefined ? undefined : EVIDENCE_BY_BLOCK.get(blockCode);
  return words === undefined || words.test(preparedText);
}
