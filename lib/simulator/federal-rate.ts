import type { FederalCenter } from './federal-centers';
import { rhythm } from './rhythm';

/**
 * Even the smallest center (Nenets, Chukotka) sends at least this often, complaints per minute at any hour, so
 * that FEDERAL_LIVE_MINUTES (15) without data means an outage and not chance (e^-4.5 ≈ 1 %). It is the one
 * departure from proportional volumes: a region of 20,000 townspeople gets about 430 a day, not 7; over the
 * network it moves Moscow Oblast's share from 4.8 % to 3.5 % of the national volume.
 */
const FEDERAL_MIN_PER_MINUTE = 0.3;

/**
 * Complaints per hour a center sends at `at`: the home center's mean rate per head of urban population (the
 * population of the region's cities, from ru_cities), times the region's, at the same Moscow-time rhythm. One
 * model for the federal history and the live feed, so the network's shares are the population's.
 */
export function federalPerHour(center: FederalCenter, homeRatePerSecond: number, at: Date): number {
  return Math.max(FEDERAL_MIN_PER_MINUTE * 60, homeRatePerSecond * 3600 * center.weight * rhythm(at));
}
