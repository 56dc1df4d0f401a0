// The community keeps China Standard Time (UTC+8, no daylight saving). History filters that
// name a date, per-day statistics and the CSV export all mean a day in the community, wherever
// the coordinator's browser happens to be.

export const COMMUNITY_TIME_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';
const DAY_MS = 86_400_000;

/** The instant a community day (YYYY-MM-DD) starts. */
export function communityDayStart(day: string): Date {
	return new Date(`${day}T00:00:00${OFFSET}`);
}

/** The community day (YYYY-MM-DD) an instant falls on. */
export function communityDay(instant: Date): string {
	return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Every community day from `first` to `last`, inclusive. */
export function daysBetween(first: string, last: string): string[] {
	const days: string[] = [];
	for (let day = first; day <= last && days.length < 1000; day = nextDay(day)) days.push(day);
	return days;
}

/** "2026-11-20 14:05", in community time, for tables and the CSV. */
export function formatCommunityTime(iso: string | Date | null, withSeconds = false): string {
	if (!iso) return '';
	const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
	return `${shifted.slice(0, 10)} ${shifted.slice(11, withSeconds ? 19 : 16)}`;
}
