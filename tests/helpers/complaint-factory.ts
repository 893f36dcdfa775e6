import type { ComplaintInput } from '@/lib/ingest/types';

/** Centres of towns used across tests: [lat, lon]. */
export const TOWNS = {
  balashikha: [55.79639, 37.93828],
  podolsk: [55.43111, 37.54453],
  mytishchi: [55.91163, 37.73076],
  kolomna: [55.07944, 38.77833],
  sergievPosad: [56.30625, 38.15027],
} as const;

let counter = 0;

/** A valid complaint; override any field. */
export function aComplaint(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  counter += 1;
  const [lat, lon] = TOWNS.balashikha;
  return {
    source: 'dobrodel',
    externalId: `test-${process.pid}-${Date.now()}-${counter}`,
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    text: 'Нет горячей воды в доме по ул. Советская, 5 с утра.',
    lat,
    lon,
    category: 'housing.no-hot-water',
    ...overrides,
  };
}
