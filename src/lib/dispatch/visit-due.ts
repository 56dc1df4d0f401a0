import type { RequestView } from '../api/types';

/** A regular elder visit still not done this long after it fell due is overdue. */
export const VISIT_GRACE_MS = 2 * 24 * 3_600_000;

/** True for a regular visit whose due time plus the grace period has passed without completion. */
export function isVisitOverdue(request: Pick<RequestView, 'type' | 'status'> & { visitDueAt?: string | null }, now: number): boolean {
	if (request.type !== 'elder_visit' || !request.visitDueAt) return false;
	if (request.status === 'completed' || request.status === 'cancelled') return false;
	return now - Date.parse(request.visitDueAt) > VISIT_GRACE_MS;
}
