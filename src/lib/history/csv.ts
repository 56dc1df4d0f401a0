// CSV as Excel reads it: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.

/** Without it, Excel guesses a legacy code page and turns Chinese into mojibake. */
export const CSV_BOM = '\uFEFF';

// A cell starting with one of these is run as a formula by spreadsheet programs
// (CSV injection); a leading apostrophe makes it plain text again.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
	return values.map(csvCell).join(',') + '\r\n';
}
