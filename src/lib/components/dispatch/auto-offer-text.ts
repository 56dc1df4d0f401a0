// What the board says of an auto-offer run: "auto: 2nd of 5" / "自动派单：第 2 次，最多 5 次".
import type { RequestView } from '$lib/api/types';
import type { Translate } from '$lib/i18n/translate';

const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });
const SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** 1st, 2nd, 3rd, 4th, 11th, 22nd… */
export function englishOrdinal(n: number): string {
	return `${n}${SUFFIX[ordinalRules.select(n)] ?? 'th'}`;
}

/** The row's and the panel's words for a run in progress; null when auto-offer is off. */
export function autoOfferText(autoOffer: RequestView['autoOffer'], maxTries: number, t: Translate): string | null {
	if (!autoOffer.on) return null;
	if (autoOffer.tried === 0) return t('autoOffer.waiting');
	return t('autoOffer.progress', { n: autoOffer.tried, nth: englishOrdinal(autoOffer.tried), max: maxTries });
}
