import type { Locale } from '../i18n/locales';

export interface Elapsed {
	value: number;
	unit: 'second' | 'minute' | 'hour' | 'day';
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
	const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	return unit === 'second' ? format.format(0, 'second') : format.format(-value, unit);
}

/** A clock time or a date, whichever says more about a moment in the last month. */
export function formatMoment(locale: Locale, iso: string, now: Date): string {
	const date = new Date(iso);
	const sameDay = date.toDateString() === now.toDateString();
	return new Intl.DateTimeFormat(locale, sameDay ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}
