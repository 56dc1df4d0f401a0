// A timeline step said in the reader's language: its name, and what the system recorded about
// it (its meta). The note beside it is what a person typed, shown as written; nothing here reads it.
import type { RequestStep } from '../dispatch/event-actions';
import type { Translate } from '../i18n/translate';
import { isHandbackReason } from '../dispatch/reasons';
import { isMessageKey, type MessageKey } from '../i18n/messages/index';

/** A timeline step's name, for the board and the history alike; one this client does not know yet is named generically, never by its raw code. */
export function timelineActionKey(action: string): MessageKey {
	const key = `action.${action}`;
	return isMessageKey(key) ? key : 'action.other';
}

/** A volunteer's name from the list the page already holds; empty or missing when it does not know them. */
export type VolunteerName = (id: string) => string | null | undefined;

/**
 * What the step's meta says, in the reader's language: whom it was offered to, the offer
 * timeout, that a visit plan made it. Null when there is nothing to add to the step's name.
 */
export function timelineDetail(step: RequestStep, t: Translate, volunteerName: VolunteerName): string | null {
	const nameOf = (id: string | null) => (id ? volunteerName(id) || t('timeline.unknownVolunteer') : null);
	switch (step.action) {
		case 'create':
			return step.meta.source === 'visit_plan' ? t('timeline.madeByPlan') : null;
		case 'assign': {
			const name = nameOf(step.meta.volunteerId);
			if (!name) return step.meta.source === 'visit_plan' ? t('timeline.madeByPlan') : null;
			if (step.meta.source === 'auto_offer') return t('timeline.assignedByAuto', { name, n: step.meta.attempt });
			return t(step.meta.source === 'visit_plan' ? 'timeline.assignedByPlan' : 'timeline.assignedTo', { name });
		}
		case 'reassign': {
			// A volunteer reads only their own id here (timeline-audience.ts): the other side goes unsaid.
			const [from, to] = [nameOf(step.meta.fromVolunteerId), nameOf(step.meta.toVolunteerId)];
			if (from && to) return t('timeline.reassigned', { from, to });
			return to ? t('timeline.assignedTo', { name: to }) : null;
		}
		case 'decline':
		case 'release':
			// A code said in the reader's language; a decline older than codes has none (its note says it).
			return isHandbackReason(step.meta.reason) ? t(`reason.${step.meta.reason}`) : null;
		case 'offer_expired':
		case 'offer_requeued':
			return step.meta.minutes === null ? null : t('timeline.offerTimeout', { minutes: +step.meta.minutes.toFixed(2) });
		case 'assignee_duty':
			return t(step.meta.available ? 'timeline.assigneeOnDuty' : 'timeline.assigneeOffDuty');
		case 'overdue':
			return t(step.meta.milestone === 'assign' ? 'timeline.overdueAssign' : 'timeline.overdueComplete');
		case 'feedback':
			return t('timeline.rated', { n: step.meta.rating, via: t(step.meta.via === 'phone' ? 'timeline.viaPhone' : 'timeline.viaResident') });
		case 'auto_offer':
			return t(step.meta.exhausted ? 'timeline.autoExhausted' : step.meta.on ? 'timeline.autoOn' : 'timeline.autoOff');
		default:
			// accept, start, complete, cancel: the note says the rest. An action this
			// client does not know yet has nothing it could say either.
			return null;
	}
}
