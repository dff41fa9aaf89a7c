import { describe, expect, it } from '@jest/globals';
import { csvCell } from '../../subgraphs/segment/src/domain/segment-export-csv.js';

describe('a segment export CSV cell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [' =HYPERLINK("x")', `"' =HYPERLINK(""x"")"`],
    ['  @x', "'  @x"],
  ])('defuses %j, a formula even behind leading spaces, as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves plain text and numbers alone, and quotes commas, quotes and line breaks', () => {
    expect(csvCell('Ada')).toBe('Ada');
    expect(csvCell(5)).toBe('5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Smith, Jr.')).toBe('"Smith, Jr."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });
});
