// Phone numbers a resident types on the public form: a mainland mobile (11 digits from 13…19)
// or a landline with its area code (0xx or 0xxx, then 7 or 8 digits). Spaces and dashes are
// allowed while typing and dropped, so one phone is one key for the limits and duplicates.

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

/** The digits of a valid mainland number, or null. A +86 or 0086 prefix is dropped. */
export function normalizePhone(typed: string): string | null {
	const digits = typed.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
	if (!/^\d+$/.test(digits)) return null;
	return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : null;
}
