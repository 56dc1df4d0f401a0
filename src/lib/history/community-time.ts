// The community keeps China Standard Time (UTC+8, no daylight saving), as does the whole county,
// so one offset serves every community. "Today" for counts such as tasks today, history filters
// that name a date, per-day statistics, the CSV export and the visit plan form all mean
// community time, wherever the server or the coordinator's browser happens to be.

/** Hours east of UTC, all year round. */
export const COMMUNITY_UTC_OFFSET_HOURS = 8;
/** The same zone by name, for Intl and PostgreSQL's `at time zone`. */
export const COMMUNITY_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = COMMUNITY_UTC_OFFSET_HOURS * 3_600_000;
const OFFSET = `+${String(COMMUNITY_UTC_OFFSET_HOURS).padStart(2, '0')}:00`;
const DAY_MS = 86_400_000;

/** A Date whose UTC fields read the community's wall clock at `instant` (its day, hour, weekday). */
export function communityWallClock(instant: Date | number | string): Date {
	return new Date(new Date(instant).getTime() + OFFSET_MS);
}

/** The instant a community day (YYYY-MM-DD) starts. */
export function communityDayStart(day: string): Date {
	return new Date(`${day}T00:00:00${OFFSET}`);
}

/** The instant the community day holding `now` began: counts such as "tasks today" start here. */
export function startOfCommunityDay(now: Date | number): Date {
	const t = new Date(now).getTime();
	return new Date(Math.floor((t + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS);
}

/** The community day (YYYY-MM-DD) an instant falls on. */
export function communityDay(instant: Date): string {
	return communityWallClock(instant).toISOString().slice(0, 10);
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
	const shifted = communityWallClock(iso).toISOString();
	return `${shifted.slice(0, 10)} ${shifted.slice(11, withSeconds ? 19 : 16)}`;
}

/** An instant as a datetime-local field shows it in community time ("2026-11-20T14:05"). */
export function toCommunityDateTimeField(iso: string | Date): string {
	return communityWallClock(iso).toISOString().slice(0, 16);
}

/** What a datetime-local field in community time means, as an instant (Invalid Date if it is not one). */
export function fromCommunityDateTimeField(value: string): Date {
	return new Date(`${value}:00${OFFSET}`);
}
