// A timeline entry's note, in the reader's language where the server wrote a fixed phrase.
import type { TimelineEntry } from '../api/types';
import type { Translate } from '../i18n/translate';
import { isMessageKey, type MessageKey } from '../i18n/messages/index';

/** A timeline step's name, for the board and the history alike; one this client does not know yet is named generically, never by its raw code. */
export function timelineActionKey(action: string): MessageKey {
	const key = `action.${action}`;
	return isMessageKey(key) ? key : 'action.other';
}

/** The offer timeout writes its limit as "5 min" (see services/offer-timeouts.ts). */
const OFFER_LIMIT = /^(\d+(?:\.\d+)?) min$/;

/**
 * People's words (a cancel reason, a completion note, a name) are shown as written; the
 * phrases the server writes itself are said again here. Null when there is nothing to show.
 */
export function timelineNote(entry: Pick<TimelineEntry, 'action' | 'note'>, t: Translate): string | null {
	if (entry.action === 'offer_expired' || entry.action === 'offer_requeued') {
		const minutes = OFFER_LIMIT.exec(entry.note ?? '')?.[1];
		return minutes ? t('history.note.offerTimeout', { minutes }) : null;
	}
	if (entry.action === 'create' && entry.note === 'visit plan') return t('history.note.visitPlan');
	return entry.note;
}
