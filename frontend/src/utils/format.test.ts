import { describe, expect, it } from 'vitest';
import { elapsedMs, formatBytes, formatDateTime, formatDuration } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [386, '386 B'],
    [12_400, '12 kB'],
    [1_500, '1.5 kB'],
    [3_100_000, '3.1 MB'],
  ])('%d bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [850, '850 ms'],
    [1406, '1.4 s'],
    [125_000, '2 min 5 s'],
  ])('%d ms read %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it('reads an instant in the local zone, with its seconds', () => {
    const text = formatDateTime('2026-03-04T05:06:07Z');
    expect(text).toContain('2026');
    expect(text).toMatch(/:07/);
  });

  it('keeps what is not an instant as it is', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('elapsedMs', () => {
  it('is the time between two instants, or until now while running', () => {
    expect(elapsedMs('2026-01-01T00:00:00Z', '2026-01-01T00:00:01.500Z')).toBe(1500);
    expect(elapsedMs('2026-01-01T00:00:00Z', null, Date.parse('2026-01-01T00:01:00Z'))).toBe(
      60_000,
    );
  });
});
