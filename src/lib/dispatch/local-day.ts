// "Today" for the community: it lives on China Standard Time, UTC+8 all year (no daylight
// saving), whatever time zone the server runs in. Counts such as "tasks today" start here.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const CHINA_UTC_OFFSET_HOURS = 8;

/** The instant local midnight began for `now`, in a zone `offsetHours` east of UTC. */
export function startOfLocalDay(now: Date, offsetHours = CHINA_UTC_OFFSET_HOURS): Date {
	const offset = offsetHours * HOUR_MS;
	return new Date(Math.floor((now.getTime() + offset) / DAY_MS) * DAY_MS - offset);
}
