import { describe, expect, it } from 'vitest';
import { timelineActionKey, timelineNote } from './timeline-note';
import { createTranslator } from '../i18n/translate';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');

describe('timelineNote', () => {
	it('says the offer timeout in the reader language', () => {
		expect(timelineNote({ action: 'offer_expired', note: '5 min' }, zh)).toBe('5 分钟内未接单');
		expect(timelineNote({ action: 'offer_requeued', note: '0.05 min' }, en)).toBe('Not accepted within 0.05 min');
		expect(timelineNote({ action: 'offer_expired', note: null }, zh)).toBeNull();
	});
	it('names a visit made by a plan', () => {
		expect(timelineNote({ action: 'create', note: 'visit plan' }, zh)).toBe('由探访计划生成');
	});
	it('keeps what people wrote', () => {
		expect(timelineNote({ action: 'cancel', note: '居民已自行修好' }, en)).toBe('居民已自行修好');
		expect(timelineNote({ action: 'complete', note: '5 min' }, en)).toBe('5 min');
		expect(timelineNote({ action: 'assign', note: null }, en)).toBeNull();
	});
});

describe('timelineActionKey', () => {
	it('names every step the server writes, and an unknown one generically', () => {
		for (const action of ['create', 'assign', 'reassign', 'accept', 'decline', 'start', 'complete', 'cancel', 'offer_expired', 'offer_requeued']) {
			expect(timelineActionKey(action)).toBe(`action.${action}`);
		}
		expect(en(timelineActionKey('merged_by_robot'))).toBe('other change');
	});
});
