// A request's description as every screen shows it. A plan's visit stores only what people wrote
// about the elder (possibly nothing): the server writes no words of its own into a description,
// so the screen says "planned visit" in its reader's language, known from visitDueAt.
import type { Translate } from '../i18n/translate';

export interface Described {
	description: string;
	/** Set only on a plan's visit (RequestView.visitDueAt, or the row's visit_due_at). */
	visitDueAt: string | Date | null;
	/** The elder, on a plan's visit, for those who may see the contact. */
	contactName?: string | null;
}

export function requestDescription(request: Described, t: Translate): string {
	if (!request.visitDueAt) return request.description;
	const visit = request.contactName ? t('visit.plannedFor', { elder: request.contactName }) : t('visit.planned');
	return request.description ? t('visit.withNotes', { visit, notes: request.description }) : visit;
}
