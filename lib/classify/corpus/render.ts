import { plural } from '../../i18n/plural';
import type { Rng } from '../random';

/** Where a message is about; everything a template can mention. */
export interface TextPlace {
  town: string;
  street: string;
  house: string;
  okrug: string;
}

const BUS_ROUTES = [
  '2',
  '5',
  '7',
  '11',
  '21',
  '23',
  '26',
  '31',
  '36',
  '42',
  '55',
  '3К',
  '9К',
  '310',
  '338',
  '362',
  '372',
  '400',
  '438',
  '462',
  '507',
];

/** Fills `{town}`, `{addr}`, `{days}`… A placeholder with no value is left visible so that a test catches it. */
export function fillTemplate(template: string, place: TextPlace, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    switch (key) {
      case 'town':
        return place.town;
      case 'street':
        return place.street;
      case 'house':
        return place.house;
      case 'addr':
        return `${place.street}, д. ${place.house}`;
      case 'okrug':
        return place.okrug;
      case 'entr':
        return String(rng.int(1, 8));
      case 'floor':
        return String(rng.int(5, 17));
      case 'route':
        return rng.pick(BUS_ROUTES);
      case 'days': {
        const n = rng.int(2, 12);
        return `${n} ${plural(n, ['день', 'дня', 'дней'])}`;
      }
      case 'weeks': {
        const n = rng.int(2, 6);
        return `${n} ${plural(n, ['неделю', 'недели', 'недель'])}`;
      }
      case 'months': {
        const n = rng.int(2, 11);
        return `${n} ${plural(n, ['месяц', 'месяца', 'месяцев'])}`;
      }
      case 'hours': {
        const n = rng.int(2, 9);
        return `${n} ${plural(n, ['час', 'часа', 'часов'])}`;
      }
      default:
        return whole;
    }
  });
}

const SOCIAL_OPENERS = [
  '',
  '',
  '',
  'Жители жалуются: ',
  'Люди, кто-нибудь знает, что происходит? ',
  'Админ, опубликуйте, пожалуйста! ',
  'Доколе?! ',
  'Пишу сюда, потому что больше некуда. ',
  'Опять двадцать пять. ',
  'Анонимно. ',
];
const SOCIAL_CLOSERS = [
  ' Сколько можно?!',
  ' Администрация, ау!!!',
  ' Куда смотрят власти?',
  ' Позор!',
  ' Надоело!!!',
  ' 😡😡😡',
  ' Репост, пусть увидят!',
  ' Глава, где вы?',
  ' Жалобы в УК бесполезны.',
  ' Кто-нибудь, помогите!',
];
const DOBRODEL_CLOSERS = [
  '',
  '',
  '',
  ' Прошу принять меры.',
  ' Фото прилагаю.',
  ' Прошу дать ответ.',
  ' Спасибо.',
];
const MEDIA_OUTLETS = [
  'Публикация в местном СМИ',
  'Telegram-канал городских новостей',
  'Городской новостной портал',
  'Районная газета',
];

/** Who passes a message to the center when it comes from a ministry's own channel. */
const AGENCY_BY_BLOCK: Readonly<Record<string, string>> = {
  housing: 'Министерство ЖКХ Московской области',
  transport: 'Министерство транспорта и дорожной инфраструктуры МО',
  ecology: 'Министерство экологии и природопользования МО',
  health: 'Министерство здравоохранения МО',
  education: 'Министерство образования МО',
  social: 'Министерство социального развития МО',
  construction: 'Главгосстройнадзор Московской области',
  'national-projects': 'Комитет по конкурентной политике МО',
  safety: 'Главное управление региональной безопасности МО',
  'public-services': 'Министерство государственного управления МО',
  media: 'Министерство информационной политики МО',
};

const SECTOR_SYSTEM_BY_BLOCK: Readonly<Record<string, string>> = {
  housing: 'Заявка из ЕДДС ЖКХ',
  transport: 'Сообщение из системы мониторинга транспорта',
  ecology: 'Заявка из системы регионального оператора ТКО',
  health: 'Обращение из ЕМИАС МО',
  education: 'Обращение из системы «Школьный портал»',
};

function hashtag(town: string): string {
  return `#${town.split(',')[0]!.replace(/[^\p{L}\p{N}]+/gu, '')}`;
}

/**
 * Wraps a resident's text the way each channel delivers it: social networks add emotion and hashtags, the
 * hotline and 112 are operator summaries, agencies and municipalities forward with a header.
 */
export function decorateForSource(
  text: string,
  source: string,
  blockCode: string,
  place: TextPlace,
  rng: Rng,
): string {
  switch (source) {
    case 'incident': {
      // Careless lower case is typical of posts, but a town's name keeps its capital.
      const opener = rng.pick(SOCIAL_OPENERS);
      const casual = opener === '' && rng.chance(0.3) && !text.startsWith(place.town);
      const body = casual ? text.charAt(0).toLowerCase() + text.slice(1) : text;
      const tag = rng.chance(0.35) ? ` ${hashtag(place.town)}` : '';
      return `${opener}${body}${rng.pick(SOCIAL_CLOSERS)}${tag}`;
    }
    case 'governor-hotline':
      return `Обращение на горячую линию губернатора. Заявитель сообщает: ${text}`;
    case 'call-112':
      return `Звонок в Систему 112. ${text}`;
    case 'media':
      return blockCode === 'media' ? text : `${rng.pick(MEDIA_OUTLETS)}: ${text}`;
    case 'agencies':
      return `Поступило из ведомства (${AGENCY_BY_BLOCK[blockCode] ?? 'профильное министерство'}): ${text}`;
    case 'municipal':
      return `Передано администрацией (${place.okrug}): ${text}`;
    case 'sector-systems':
      return `${SECTOR_SYSTEM_BY_BLOCK[blockCode] ?? 'Заявка из отраслевой системы'}: ${text}`;
    default:
      return `${text}${rng.pick(DOBRODEL_CLOSERS)}`;
  }
}
