import { describe, expect, it } from 'vitest';
import { catalogueSkills, isWholeFen, serviceRuleProblems } from './service-rules';

/** The seeded haircut: free, 4 h / 3 d, urgent 1 h / 1 d. */
const haircut: Parameters<typeof serviceRuleProblems>[0] = {
	fee: 'free',
	priceYuan: null,
	assignWithinMin: 240,
	completeWithinMin: 4320,
	urgentAssignWithinMin: 60,
	urgentCompleteWithinMin: 1440
};
const rules = (changes: Partial<typeof haircut>) => serviceRuleProblems({ ...haircut, ...changes }).map((p) => `${p.rule}@${p.path}`);

describe('serviceRuleProblems', () => {
	it('finds nothing wrong with a sound service, free or low-cost', () => {
		expect(rules({})).toEqual([]);
		expect(rules({ fee: 'low_cost', priceYuan: 10 })).toEqual([]);
		expect(rules({ fee: 'low_cost', priceYuan: 0 })).toEqual([]);
	});

	it('gives a free service no price and a low-cost one a price', () => {
		expect(rules({ priceYuan: 5 })).toEqual(['price_for_free@priceYuan']);
		expect(rules({ fee: 'low_cost', priceYuan: null })).toEqual(['price_missing@priceYuan']);
	});

	it('never gives an urgent request longer than a normal one, to be assigned or completed', () => {
		expect(rules({ urgentAssignWithinMin: 241 })).toEqual(['urgent_assign_longer@urgentAssignWithinMin']);
		expect(rules({ urgentCompleteWithinMin: 4321 })).toEqual(['urgent_complete_longer@urgentCompleteWithinMin']);
		// Equal is allowed: a service may treat urgent requests no faster.
		expect(rules({ urgentAssignWithinMin: 240, urgentCompleteWithinMin: 4320 })).toEqual([]);
	});

	it('puts the assign deadline no later than the complete deadline, normal and urgent', () => {
		expect(rules({ assignWithinMin: 5000 })).toEqual(['assign_after_complete@assignWithinMin']);
		expect(rules({ urgentAssignWithinMin: 200, urgentCompleteWithinMin: 100 })).toEqual([
			'urgent_assign_after_complete@urgentAssignWithinMin'
		]);
	});

	it('says every problem at once, each with a sentence', () => {
		const all = serviceRuleProblems({ ...haircut, priceYuan: 3, urgentAssignWithinMin: 9000, urgentCompleteWithinMin: 9000 });
		expect(all.map((p) => p.rule)).toEqual(['price_for_free', 'urgent_assign_longer', 'urgent_complete_longer']);
		for (const problem of all) expect(problem.message).toMatch(/^[A-Z].+\.$/);
	});
});

describe('isWholeFen', () => {
	it('takes yuan with at most two decimals, float noise and all', () => {
		expect([0, 8, 12.5, 0.1 + 0.2, 19.99, 999_999.99].map(isWholeFen)).toEqual([true, true, true, true, true, true]);
		expect([0.001, 1.234].map(isWholeFen)).toEqual([false, false]);
	});
});

describe('catalogueSkills', () => {
	it('lists each skill once, a new service bringing its new skill', () => {
		const services = [{ skill: 'repair' }, { skill: 'haircut' }, { skill: 'repair' }];
		expect(catalogueSkills(services)).toEqual(['haircut', 'repair']);
		expect(catalogueSkills([...services, { skill: 'foot_care' }])).toEqual(['foot_care', 'haircut', 'repair']);
	});
});
