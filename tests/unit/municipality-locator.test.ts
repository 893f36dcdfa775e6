import { describe, expect, it } from 'vitest';
import { loadMunicipalityLocator } from '@/lib/geo/municipality-locator';

const locator = loadMunicipalityLocator();

describe('point-in-polygon against the 57 municipalities', () => {
  // Town centres (hflabs/GeoNames) and the OKTMO of the okrug each belongs to (Rosstat register).
  it.each([
    ['Балашиха', 55.79639, 37.93828, '46704000000'],
    ['Подольск', 55.43111, 37.54453, '46760000000'],
    ['Мытищи', 55.91163, 37.73076, '46746000000'],
    ['Коломна', 55.07944, 38.77833, '46738000000'],
    ['Сергиев Посад', 56.30625, 38.15027, '46728000000'],
    ['Химки', 55.89704, 37.42969, '46783000000'],
  ])('%s is in its okrug', (_town, lat, lon, oktmo) => {
    expect(locator.locate(lon, lat)).toBe(oktmo);
  });

  it.each([
    ['the Kremlin (City of Moscow)', 55.752, 37.6175],
    ['Zelenograd (a Moscow exclave)', 55.9825, 37.1814],
    ['Tver (another region)', 56.8587, 35.9176],
    ['the middle of the sea', 0, 0],
  ])('%s is outside the oblast', (_place, lat, lon) => {
    expect(locator.locate(lon, lat)).toBeNull();
  });
});
