import { describe, expect, it } from 'vitest';
import { formatPairingCode, newPairingCode, normalizePairingCode } from '@/lib/identity/pairing-code';

describe('pairing codes', () => {
  it('are six characters without look-alikes, shown in two halves', () => {
    for (let i = 0; i < 200; i += 1) expect(newPairingCode()).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(formatPairingCode('ABC234')).toBe('ABC-234');
  });

  it('read what an admin types: case, spaces, hyphens and Cyrillic look-alikes do not matter', () => {
    expect(normalizePairingCode('abc-234')).toBe('ABC234');
    expect(normalizePairingCode(' АВС 234 ')).toBe('ABC234');
    expect(normalizePairingCode('кмн–рст')).toBe('KMHPCT');
    expect(normalizePairingCode('ехт223')).toBe('EXT223');
  });

  it('refuse what is no code', () => {
    expect(normalizePairingCode('ABC23')).toBeNull();
    expect(normalizePairingCode('ABC2345')).toBeNull();
    expect(normalizePairingCode('ABO234')).toBeNull();
    expect(normalizePairingCode('ЖЖЖ234')).toBeNull();
  });
});
