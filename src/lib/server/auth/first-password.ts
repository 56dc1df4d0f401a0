import { randomBytes } from 'node:crypto';

/**
 * A new login's first password, shown once to whoever hands it over and changed on the account
 * page: readable and unambiguous (no 0/O, 1/l), 12 characters of a 32-letter alphabet (60 bits).
 * The county import and a coordinator adding a volunteer both make them here.
 */
export function firstPassword(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
	return [...randomBytes(12)].map((byte) => alphabet[byte % alphabet.length]).join('');
}
