import { describe, expect, it } from 'vitest';
import type { ServiceView } from '$lib/api/types';
import { bodyOf, draftOf, draftRuleProblems, fieldOfIssue } from './service-draft';

const repair: ServiceView = {
	code: 'repair',
	name: { zh: '水电维修', en: 'Repair' },
	skill: 'repair',
	fee: 'low_cost',
	priceYuan: 10,
	assignWithinMin: 60,
	completeWithinMin: 1440,
	urgentAssignWithinMin: 20,
	urgentCompleteWithinMin: 240,
	active: true,
	autoOffer: false
};

describe('the service form', () => {
	it('edits a service and sends it back in the API shape, unchanged', () => {
		expect(bodyOf(draftOf(repair))).toEqual(repair);
	});

	it('starts a new service free, active, with sound deadlines', () => {
		const draft = draftOf(null);
		expect(draft).toMatchObject({ code: '', fee: 'free', priceYuan: null, active: true });
		expect(draftRuleProblems(draft)).toEqual([]);
	});

	it('sends no price for a free service, whatever the disabled price field still holds', () => {
		expect(bodyOf({ ...draftOf(repair), fee: 'free' }).priceYuan).toBeNull();
	});

	it('says the rules between fields before sending, once every deadline is a number', () => {
		expect(draftRuleProblems({ ...draftOf(repair), urgentAssignWithinMin: 90 })).toEqual([
			{ field: 'urgentAssignWithinMin', rule: 'urgent_assign_longer' }
		]);
		expect(draftRuleProblems({ ...draftOf(repair), priceYuan: null })).toEqual([{ field: 'priceYuan', rule: 'price_missing' }]);
		expect(draftRuleProblems({ ...draftOf(repair), completeWithinMin: null, urgentAssignWithinMin: 90 })).toEqual([]);
	});

	it("finds the field of each of the server's issue paths", () => {
		expect(['name.zh', 'name.en', 'code', 'urgentCompleteWithinMin', '(body)'].map(fieldOfIssue)).toEqual([
			'nameZh',
			'nameEn',
			'code',
			'urgentCompleteWithinMin',
			null
		]);
	});
});
