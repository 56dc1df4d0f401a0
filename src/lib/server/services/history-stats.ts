import type { HistoryFilter, StatsQuery } from '../../api/history-schemas';
import type { CommunitySummary, DayCounts, HistoryStats, PeriodSummary, StageStats } from '../../api/history-types';
import { communityDay, communityDayStart, daysBetween, nextDay } from '../../history/community-time';
import {
	countPerDayAndType,
	loadPerBuilding,
	outputPerVolunteer,
	summarize,
	summarizePerCommunity,
	type CommunitySummaryRow,
	type Period,
	type SummaryRow
} from '../repositories/history-stats';
import { checkFilterReferences } from './history';
import type { ServiceDeps } from './deps';

const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

/** The period asked for; by default the last 30 community days including today. */
export function statsPeriod(query: Pick<StatsQuery, 'from' | 'to'>, now: Date): Period {
	const to = query.to ?? communityDayStart(nextDay(communityDay(now)));
	const from = query.from ?? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
	return { from, to };
}

function stage(quantiles: (number | null)[] | null, count: number): StageStats {
	return { median: quantiles?.[0] ?? null, p90: quantiles?.[1] ?? null, count };
}

type Totals = Omit<PeriodSummary, 'from' | 'to'>;

function totals(row: SummaryRow): Totals {
	return {
		finished: row.finished,
		completed: row.completed,
		cancelled: row.cancelled,
		toAssign: stage(row.assign, row.assign_count),
		toAccept: stage(row.accept, row.accept_count),
		toComplete: stage(row.complete, row.complete_count),
		hours: row.hours,
		kpis: {
			assignedOnTime: fraction(row.kpi_assign_ok, row.kpi_assign_total),
			completedOnTime: fraction(row.kpi_complete_ok, row.kpi_complete_total),
			rated: fraction(row.kpi_rated, row.completed),
			satisfied: fraction(row.kpi_satisfied, row.kpi_rated),
			reopened: fraction(row.kpi_reopened, row.completed)
		}
	};
}

/** part / whole, or null when there is nothing to measure. */
export function fraction(part: number, whole: number): number | null {
	return whole === 0 ? null : part / whole;
}

function toSummary(period: Period, row: SummaryRow): PeriodSummary {
	return { from: period.from.toISOString(), to: period.to.toISOString(), ...totals(row) };
}

/** Communities side by side, in the order the area tree names them. */
function toCommunitySummaries(rows: CommunitySummaryRow[]): CommunitySummary[] {
	return rows
		.map((row) => ({ communityId: row.community_id, name: row.name, ...totals(row) }))
		.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.communityId.localeCompare(b.communityId));
}

/** Statistics for a period and the period of equal length just before it. */
export async function readHistoryStats(deps: ServiceDeps, query: HistoryFilter): Promise<HistoryStats> {
	await checkFilterReferences(deps.db, query);
	const period = statsPeriod(query, deps.now());
	const length = period.to.getTime() - period.from.getTime();
	const previous: Period = { from: new Date(period.from.getTime() - length), to: period.from };
	const [current, before, perCommunity, perDay, volunteers, buildings] = await Promise.all([
		summarize(deps.db, query, period),
		summarize(deps.db, query, previous),
		summarizePerCommunity(deps.db, query, period),
		countPerDayAndType(deps.db, query, period),
		outputPerVolunteer(deps.db, query, period),
		loadPerBuilding(deps.db, query, period)
	]);

	// Every day of the period, including quiet ones, so the chart's axis has no gaps.
	const days = new Map<string, DayCounts>(
		daysBetween(communityDay(period.from), communityDay(new Date(period.to.getTime() - 1))).map((day) => [day, { day, counts: {} }])
	);
	for (const row of perDay) {
		const entry = days.get(row.day);
		if (entry) entry.counts[row.type] = row.count;
	}
	const currentSummary = toSummary(period, current);
	return {
		current: currentSummary,
		kpis: currentSummary.kpis,
		previous: toSummary(previous, before),
		byCommunity: toCommunitySummaries(perCommunity),
		perDay: [...days.values()],
		volunteers,
		buildings
	};
}
