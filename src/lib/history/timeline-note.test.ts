import { describe, expect, it } from 'vitest';
import { timelineActionKey, timelineDetail } from './timeline-note';
import { createTranslator } from '../i18n/translate';
import { REQUEST_ACTIONS } from '../dispatch/event-actions';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');
const names: Record<string, string> = { 'v-1': '张伟', 'v-2': '李娜' };
const nameOf = (id: string) => names[id];

describe('timelineDetail', () => {
	it('says the offer timeout in the reader language', () => {
		expect(timelineDetail({ action: 'offer_expired', meta: { minutes: 5 } }, zh, nameOf)).toBe('5 分钟内未接单');
		expect(timelineDetail({ action: 'offer_requeued', meta: { minutes: 0.05 } }, en, nameOf)).toBe('Not accepted within 0.05 min');
		expect(timelineDetail({ action: 'offer_requeued', meta: { minutes: 1 / 3 } }, en, nameOf)).toBe('Not accepted within 0.33 min');
		expect(timelineDetail({ action: 'offer_expired', meta: { minutes: null } }, zh, nameOf)).toBeNull();
	});

	it('names whom an offer went to, from the page list of volunteers', () => {
		expect(timelineDetail({ action: 'assign', meta: { source: 'staff', volunteerId: 'v-1' } }, zh, nameOf)).toBe('派给 张伟');
		expect(timelineDetail({ action: 'assign', meta: { source: 'staff', volunteerId: 'v-1' } }, en, nameOf)).toBe('to 张伟');
		expect(timelineDetail({ action: 'reassign', meta: { fromVolunteerId: 'v-1', toVolunteerId: 'v-2' } }, en, nameOf)).toBe('张伟 → 李娜');
		expect(timelineDetail({ action: 'assign', meta: { source: 'staff', volunteerId: 'v-9' } }, en, nameOf)).toBe('to unknown volunteer');
	});

	it('says only what a volunteer reader was left: their own side of a reassignment', () => {
		expect(timelineDetail({ action: 'reassign', meta: { fromVolunteerId: null, toVolunteerId: 'v-2' } }, zh, nameOf)).toBe('派给 李娜');
		expect(timelineDetail({ action: 'reassign', meta: { fromVolunteerId: 'v-1', toVolunteerId: null } }, zh, nameOf)).toBeNull();
		expect(timelineDetail({ action: 'assign', meta: { source: 'staff', volunteerId: null } }, zh, nameOf)).toBeNull();
	});

	it('names a visit made and assigned by a plan', () => {
		expect(timelineDetail({ action: 'create', meta: { source: 'visit_plan', planId: 'p1' } }, zh, nameOf)).toBe('由探访计划生成');
		expect(timelineDetail({ action: 'create', meta: { source: 'visit_plan', planId: null } }, en, nameOf)).toBe('Made from a visit plan');
		expect(timelineDetail({ action: 'assign', meta: { source: 'visit_plan', planId: 'p1', volunteerId: 'v-1' } }, zh, nameOf)).toBe(
			'按探访计划派给 张伟'
		);
		expect(timelineDetail({ action: 'create', meta: { source: 'staff' } }, zh, nameOf)).toBeNull();
	});

	it('adds nothing to steps whose note is a person own words', () => {
		for (const action of ['accept', 'start', 'complete', 'cancel'] as const) {
			expect(timelineDetail({ action, meta: {} }, en, nameOf)).toBeNull();
		}
	});

	it('says why a task was given back, in the reader language, from the code', () => {
		expect(timelineDetail({ action: 'release', meta: { reason: 'not_home' } }, zh, nameOf)).toBe('居民不在家');
		expect(timelineDetail({ action: 'release', meta: { reason: 'not_home' } }, en, nameOf)).toBe('Resident not home');
		expect(timelineDetail({ action: 'decline', meta: { reason: 'needs_other_skill' } }, zh, nameOf)).toBe('需要别的技能');
		// A decline before reasons were codes, or one without a reason: the note says it, if anything.
		expect(timelineDetail({ action: 'decline', meta: { reason: null } }, en, nameOf)).toBeNull();
		expect(timelineDetail({ action: 'decline', meta: {} } as never, en, nameOf)).toBeNull();
	});

	it('says nothing of a step this client does not know yet', () => {
		const unknown = { action: 'merged_by_robot', meta: { volunteerId: 'v-1' } } as unknown as Parameters<typeof timelineDetail>[0];
		expect(timelineDetail(unknown, en, nameOf)).toBeNull();
	});
});

describe('timelineActionKey', () => {
	it('names every step the server writes, and an unknown one generically', () => {
		for (const action of REQUEST_ACTIONS) expect(timelineActionKey(action)).toBe(`action.${action}`);
		expect(en(timelineActionKey('merged_by_robot'))).toBe('other change');
	});
});
