import type { Locale } from '../i18n/locales';
import { COMMUNITY_TIME_ZONE } from '../history/community-time';

export interface Elapsed {
	value: number;
	unit: 'second' | 'minute' | 'hour' | 'day';
}

// One formatter per locale and style, made once: making one costs far more than using it, and
// a board of a thousand rows formats a thousand times.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale} ${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: COMMUNITY_TIME_ZONE })));
	return format;
}

function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
	let format = relativeFormats.get(locale);
	if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
	return format;
}

/** How long ago `fromIso` was, in the largest unit that fits, never negative. */
export function elapsedSince(fromIso: string, now: Date): Elapsed {
	const seconds = Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 1000));
	if (seconds < 60) return { value: seconds, unit: 'second' };
	if (seconds < 3600) return { value: Math.floor(seconds / 60), unit: 'minute' };
	if (seconds < 86_400) return { value: Math.floor(seconds / 3600), unit: 'hour' };
	return { value: Math.floor(seconds / 86_400), unit: 'day' };
}

/** "3 分钟前" / "3 minutes ago"; anything under a minute reads as "just now". */
export function formatElapsed(locale: Locale, fromIso: string, now: Date): string {
	const { value, unit } = elapsedSince(fromIso, now);
	const format = relativeFormat(locale);
	return unit === 'second' ? format.format(0, 'second') : format.format(-value, unit);
}

const communityDay = new Intl.DateTimeFormat('en-CA', { timeZone: COMMUNITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A clock time or a date, whichever says more about a moment in the last month, in community
 * time (China, UTC+8) like the rest of the app, whatever zone the phone is set to.
 */
export function formatMoment(locale: Locale, iso: string, now: Date): string {
	const date = new Date(iso);
	const sameDay = communityDay.format(date) === communityDay.format(now);
	const parts: Intl.DateTimeFormatOptions = sameDay
		? { hour: '2-digit', minute: '2-digit' }
		: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
	return dateFormat(locale, parts).format(date);
}

/** A clock time (hh:mm) in community time. */
export function formatClock(locale: Locale, iso: string | Date, withSeconds = false): string {
	return dateFormat(
		locale,
		withSeconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' }
	).format(new Date(iso));
}

/** A full date and time in community time, for tooltips. */
export function formatDateTime(locale: Locale, iso: string): string {
	return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
