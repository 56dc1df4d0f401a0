// Query and body schemas for history, statistics and visit plans.
import { z } from 'zod';
import { CODE_PATTERN, FINISHED_STATUSES } from '../dispatch/vocabulary';
import { VISIT_INTERVAL_DAYS } from '../dispatch/field-limits';
import { communityDayStart, nextDay } from '../history/community-time';

export const HISTORY_PAGE_MAX = 200;
export const STATS_MAX_DAYS = 366;

/** Query strings as an object; a repeated key becomes an array, which a scalar field refuses. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of params) {
		if (value === '') continue; // an empty filter field means "any"
		const existing = out[key];
		out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return out;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const inSaneRange = (d: Date) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;

/**
 * A day (YYYY-MM-DD, a community day) or an exact instant (ISO-8601 with an offset).
 * `edge` decides what a bare day means: its start for `from`, the end of it for `to`.
 */
function dayOrInstant(edge: 'start' | 'end') {
	return z
		.string()
		.max(40)
		.transform((value, ctx) => {
			if (DAY.test(value)) {
				const start = new Date(`${value}T00:00:00Z`);
				if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== value || !inSaneRange(start)) {
					ctx.addIssue({ code: 'custom', message: 'Not a real date between 2000 and 2100.' });
					return z.NEVER;
				}
				return communityDayStart(edge === 'start' ? value : nextDay(value));
			}
			const parsed = z.iso.datetime({ offset: true }).safeParse(value);
			const instant = new Date(value);
			if (!parsed.success || Number.isNaN(instant.getTime()) || !inSaneRange(instant)) {
				ctx.addIssue({ code: 'custom', message: 'Use a date (2026-11-20) or an ISO time with an offset.' });
				return z.NEVER;
			}
			return instant;
		});
}

export interface HistoryCursor {
	/** The row's finished time as PostgreSQL printed it, to the microsecond. */
	finishedAt: string;
	id: string;
}

const cursorShape = z.object({
	// A real instant, not only its shape: `2026-02-30T…` must never reach the database.
	f: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
		.refine((f) => {
			const at = new Date(f);
			return !Number.isNaN(at.getTime()) && at.toISOString() === `${f.slice(0, 23)}Z` && inSaneRange(at);
		}),
	id: z.uuid()
});

/** Opaque to clients: base64url of a small JSON object. */
export function encodeCursor(cursor: HistoryCursor): string {
	return btoa(JSON.stringify({ f: cursor.finishedAt, id: cursor.id }))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

export function decodeCursor(text: string): HistoryCursor | null {
	if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
	try {
		const json = JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/')));
		const parsed = cursorShape.safeParse(json);
		return parsed.success ? { finishedAt: parsed.data.f, id: parsed.data.id } : null;
	} catch {
		return null;
	}
}

const filterFields = {
	from: dayOrInstant('start').optional(),
	to: dayOrInstant('end').optional(),
	type: z.string().regex(CODE_PATTERN, 'Choose a service of the catalogue.').optional(),
	communityId: z.uuid('Not a valid community id.').optional(),
	volunteerId: z.uuid('Not a valid volunteer id.').optional(),
	buildingId: z.uuid('Not a valid building id.').optional(),
	status: z.enum(FINISHED_STATUSES, 'History lists finished requests: completed or cancelled.').optional()
};

const fromBeforeTo = (q: { from?: Date; to?: Date }) => !q.from || !q.to || q.from < q.to;
const fromBeforeToIssue = { message: '`from` must be before `to`.', path: ['to'] };

export const historyQuerySchema = z
	.object({
		...filterFields,
		cursor: z
			.string()
			.transform(
				(text, ctx) => decodeCursor(text) ?? (ctx.addIssue({ code: 'custom', message: 'Not a cursor this server gave out.' }), z.NEVER)
			)
			.optional(),
		limit: z.coerce.number('Give a whole number.').int('Give a whole number.').min(1).max(HISTORY_PAGE_MAX).default(50),
		format: z.enum(['json', 'csv']).default('json')
	})
	.strict()
	.refine(fromBeforeTo, fromBeforeToIssue);
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const statsQuerySchema = z
	.object(filterFields)
	.strict()
	.refine(fromBeforeTo, fromBeforeToIssue)
	.refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= STATS_MAX_DAYS * 86_400_000, {
		message: `Statistics cover at most ${STATS_MAX_DAYS} days.`,
		path: ['from']
	});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/**
 * What every history reader filters by: the query, and the communities it covers (the one asked
 * for with `communityId`, or the whole of the coordinator's scope), resolved by the route.
 */
export type HistoryFilter = StatsQuery & { communityIds: readonly string[] };

const intervalDays = z.number('Give a number of days.').int().min(VISIT_INTERVAL_DAYS.min).max(VISIT_INTERVAL_DAYS.max);

export const newVisitPlanSchema = z.object({
	elderId: z.uuid('Choose an elder.'),
	volunteerId: z.uuid('Choose a volunteer.'),
	intervalDays: intervalDays.default(7),
	nextDueAt: z.iso.datetime({ offset: true }).optional(),
	active: z.boolean().default(true)
});
export type NewVisitPlanBody = z.infer<typeof newVisitPlanSchema>;

export const visitPlanChangeSchema = z
	.object({
		volunteerId: z.uuid('Choose a volunteer.').optional(),
		intervalDays: intervalDays.optional(),
		nextDueAt: z.iso.datetime({ offset: true }).optional(),
		active: z.boolean().optional()
	})
	.strict()
	.refine((change) => Object.keys(change).length > 0, 'Say what to change.');
export type VisitPlanChange = z.infer<typeof visitPlanChangeSchema>;

export const visitPlanIdSchema = z.uuid('Not a valid plan id.');
