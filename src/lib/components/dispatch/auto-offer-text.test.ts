import { describe, expect, it } from 'vitest';
import { autoOfferText, englishOrdinal } from './auto-offer-text';
import { createTranslator } from '$lib/i18n/translate';

describe('auto-offer text', () => {
	it('says English ordinals', () => {
		expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(englishOrdinal)).toEqual([
			'1st',
			'2nd',
			'3rd',
			'4th',
			'11th',
			'12th',
			'13th',
			'21st',
			'22nd',
			'23rd',
			'101st'
		]);
	});

	it('says how far a run has got, in each language, and nothing when off', () => {
		expect(autoOfferText({ on: true, tried: 2 }, 5, createTranslator('en'))).toBe('auto: 2nd of 5');
		expect(autoOfferText({ on: true, tried: 2 }, 5, createTranslator('zh-CN'))).toBe('自动派单：第 2 次，最多 5 次');
		expect(autoOfferText({ on: true, tried: 0 }, 5, createTranslator('en'))).toBe('auto: looking for someone online');
		expect(autoOfferText({ on: false, tried: 3 }, 5, createTranslator('en'))).toBeNull();
	});
});
