import { describe, expect, it } from 'vitest';
import { parseJsonKeepingBigIntegers } from '../../../../main/core/zoom/json-reader.ts';

describe('parseJsonKeepingBigIntegers', () => {
  it('parses ordinary JSON exactly as JSON.parse does', () => {
    const text =
      '{"id":85746065432,"n":-3.5e2,"s":"x","a":[1,true,null],"o":{"k":9007199254740991}}';
    expect(parseJsonKeepingBigIntegers(text)).toEqual(JSON.parse(text));
  });

  it('keeps integers beyond 2^53 as their exact digits', () => {
    const parsed = parseJsonKeepingBigIntegers('{"id":12345678901234567890,"small":7}');
    expect(parsed).toEqual({ id: '12345678901234567890', small: 7 });
  });

  it('keeps 16-digit safe integers as numbers and leaves digit runs in strings alone', () => {
    const parsed = parseJsonKeepingBigIntegers(
      '{"safe":1234567890123456,"topic":"call 99999999999999999999","big":-9007199254740993}',
    );
    expect(parsed).toEqual({
      safe: 1234567890123456,
      topic: 'call 99999999999999999999',
      big: '-9007199254740993',
    });
  });

  it('still refuses text that is not JSON', () => {
    expect(() => parseJsonKeepingBigIntegers('<html>')).toThrow(SyntaxError);
    expect(() => parseJsonKeepingBigIntegers('{"id":12345678901234567890')).toThrow(SyntaxError);
  });
});
