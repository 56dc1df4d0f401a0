import { describe, expect, it } from 'vitest';
import { newServiceSchema, serviceChangeSchema, serviceCodeSchema } from './catalogue-schemas';

const foot = {
	code: 'foot_care',
	name: { zh: '老人足部护理', en: 'Foot care for elders' },
	skill: 'foot_care',
	fee: 'low_cost',
	priceYuan: 12.5,
	assignWithinMin: 240,
	completeWithinMin: 2880,
	urgentAssignWithinMin: 60,
	urgentCompleteWithinMin: 720
};

/** Each refused field with its message, as the API lists them. */
function issues(schema: typeof newServiceSchema | typeof serviceChangeSchema, body: unknown): Record<string, string> {
	const result = schema.safeParse(body);
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.') || '(body)', i.message]));
}

describe('newServiceSchema', () => {
	it('takes a sound service, active unless it says otherwise, names trimmed', () => {
		const parsed = newServiceSchema.parse({ ...foot, name: { zh: ' 老人足部护理 ', en: 'Foot care for elders' } });
		expect(parsed).toEqual({ ...foot, active: true, autoOffer: false });
		expect(newServiceSchema.parse({ ...foot, autoOffer: true }).autoOffer).toBe(true);
		expect(issues(newServiceSchema, { ...foot, autoOffer: 'yes' })).toHaveProperty('autoOffer');
		expect(newServiceSchema.parse({ ...foot, fee: 'free', priceYuan: null, active: false }).active).toBe(false);
	});

	it('refuses codes, skills and names out of their format, saying how they should be', () => {
		const bad = issues(newServiceSchema, { ...foot, code: 'Foot-Care', skill: '9lives', name: { zh: '', en: 'x'.repeat(61) } });
		expect(Object.keys(bad).sort()).toEqual(['code', 'name.en', 'name.zh', 'skill']);
		expect(bad.code).toMatch(/lower-case/);
		expect(bad['name.en']).toMatch(/at most 60/);
		expect(issues(newServiceSchema, { ...foot, code: 'a' })).toHaveProperty('code');
		expect(issues(newServiceSchema, { ...foot, code: `a${'b'.repeat(40)}` })).toHaveProperty('code');
	});

	it('refuses minutes out of range or not whole, and prices below zero or below a fen', () => {
		expect(Object.keys(issues(newServiceSchema, { ...foot, assignWithinMin: 0, completeWithinMin: 100_001 })).sort()).toEqual([
			'assignWithinMin',
			'completeWithinMin'
		]);
		expect(issues(newServiceSchema, { ...foot, urgentAssignWithinMin: 1.5 })).toHaveProperty('urgentAssignWithinMin');
		expect(issues(newServiceSchema, { ...foot, priceYuan: -1 }).priceYuan).toMatch(/negative/);
		expect(issues(newServiceSchema, { ...foot, priceYuan: 1.234 }).priceYuan).toMatch(/two decimals/);
		expect(issues(newServiceSchema, { ...foot, fee: 'cheap' })).toHaveProperty('fee');
	});

	it('adds the cross-field rules as issues on the field to fix', () => {
		expect(issues(newServiceSchema, { ...foot, urgentAssignWithinMin: 300 }).urgentAssignWithinMin).toMatch(/urgent/i);
		expect(issues(newServiceSchema, { ...foot, fee: 'free' }).priceYuan).toMatch(/free/);
		expect(issues(newServiceSchema, { ...foot, priceYuan: null }).priceYuan).toMatch(/low-cost/);
	});

	it('refuses unknown fields, so a misspelt one is not silently dropped', () => {
		expect(Object.keys(issues(newServiceSchema, { ...foot, priceYuen: 3 }))).toEqual(['(body)']);
	});
});

describe('serviceChangeSchema', () => {
	it('takes the whole new state, with or without the code, and needs active', () => {
		const { code, ...rest } = foot;
		expect(serviceChangeSchema.parse({ ...rest, active: false })).toEqual({ ...rest, active: false, autoOffer: false });
		expect(serviceChangeSchema.parse({ ...foot, active: true }).code).toBe(code);
		expect(issues(serviceChangeSchema, rest)).toHaveProperty('active');
	});
});

describe('serviceCodeSchema', () => {
	it('takes the codes the table can hold, and nothing else', () => {
		expect(['haircut', 'elder_visit', 'a1'].map((c) => serviceCodeSchema.safeParse(c).success)).toEqual([true, true, true]);
		expect(['', 'x', '1abc', 'HAIRCUT', 'a b', '../x'].map((c) => serviceCodeSchema.safeParse(c).success)).toEqual(Array(6).fill(false));
	});
});
