import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from './format';

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
