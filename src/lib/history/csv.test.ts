import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

describe('csvCell', () => {
	it('leaves plain text and numbers alone', () => {
		expect(csvCell('厨房水管漏水')).toBe('厨房水管漏水');
		expect(csvCell(42)).toBe('42');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(null)).toBe('');
	});

	it('quotes commas, quotes and line breaks', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
	});

	it('defuses cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
	});
});

describe('csvRow', () => {
	it('joins cells and ends with CRLF', () => {
		expect(csvRow(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"\r\n');
	});
});
