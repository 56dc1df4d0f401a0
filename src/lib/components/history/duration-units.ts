import type { Translate } from '$lib/i18n/translate';

/** The unit words formatDuration needs, in the reader's language. */
export function durationUnits(t: Translate) {
	return { s: t('history.unit.s'), min: t('history.unit.min'), h: t('history.unit.h'), d: t('history.unit.d') };
}
