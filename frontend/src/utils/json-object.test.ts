import { describe, expect, it } from 'vitest';
import { formatJsonObject, parseJsonObject } from './json-object';

describe('parseJsonObject', () => {
  it('treats blank text as no object', () => {
    expect(parseJsonObject('  \n')).toEqual({ ok: true, value: undefined });
  });

  it('parses an object', () => {
    expect(parseJsonObject('{"cpu": 8}')).toEqual({ ok: true, value: { cpu: 8 } });
  });

  it('reports a syntax error', () => {
    const parsed = parseJsonObject('{"cpu": }');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^is not valid JSON/);
  });

  it.each(['[1, 2]', '"text"', '42', 'null'])('refuses %s, which is not an object', (text) => {
    expect(parseJsonObject(text)).toEqual({
      ok: false,
      error: 'must be a JSON object, such as {"cpu": 8}',
    });
  });
});

describe('formatJsonObject', () => {
  it('leaves empty and missing objects empty', () => {
    expect(formatJsonObject(undefined)).toBe('');
    expect(formatJsonObject({})).toBe('');
  });

  it('indents an object', () => {
    expect(formatJsonObject({ cpu: 8 })).toBe('{\n  "cpu": 8\n}');
  });
});
