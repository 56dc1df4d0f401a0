// How long a request waited at each stage, from the stage timestamps on the request itself.
import type { RequestView } from '../api/types';

export interface StageDurations {
	/** Created → first assigned, when the timeline is known; else → the last assignment (what the request row keeps). */
	toAssign: number | null;
	/** Assigned → accepted. */
	toAccept: number | null;
	/** Accepted → completed. */
	toComplete: number | null;
	/** Started → completed: the time spent on the job itself. */
	working: number | null;
}

const between = (from: string | null, to: string | null) => (from && to ? Math.max(0, Date.parse(to) - Date.parse(from)) : null);

/**
 * Milliseconds per stage; null where a stage was never reached. `firstAssignedAt`, from the
 * timeline, keeps a later reassignment or a decline from counting as waiting for a volunteer.
 */
export function stageDurations(
	r: Pick<RequestView, 'createdAt' | 'assignedAt' | 'acceptedAt' | 'startedAt' | 'completedAt'>,
	firstAssignedAt: string | null = null
): StageDurations {
	return {
		toAssign: between(r.createdAt, firstAssignedAt ?? r.assignedAt),
		toAccept: between(r.assignedAt, r.acceptedAt),
		toComplete: between(r.acceptedAt, r.completedAt),
		working: between(r.startedAt, r.completedAt)
	};
}

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h": short enough for a table cell, in either language. */
export function formatDuration(
	ms: number | null,
	units: { s: string; min: string; h: string; d: string } = { s: 's', min: 'min', h: 'h', d: 'd' }
): string {
	if (ms === null || !Number.isFinite(ms)) return '–';
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} ${units.s}`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} ${units.min}`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} ${units.h} ${String(minutes % 60).padStart(2, '0')} ${units.min}`;
	return `${Math.floor(hours / 24)} ${units.d} ${hours % 24} ${units.h}`;
}
