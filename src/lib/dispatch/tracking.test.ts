import { describe, expect, it } from 'vitest';
import { canRate, reopensOnRating, volunteerTitle } from './tracking';

describe('tracking', () => {
	it('names the volunteer by family name and title only', () => {
		expect(volunteerTitle('王建国', 'repair', 'zh-CN')).toBe('王师傅');
		expect(volunteerTitle('李秀英', 'haircut', 'zh-CN')).toBe('李志愿者');
		expect(volunteerTitle('李秀英', 'haircut', 'en')).toBe('Volunteer 李');
	});

	it('lets a resident rate once, after completion', () => {
		expect(canRate('completed', false)).toBe(true);
		expect(canRate('completed', true)).toBe(false);
		expect(canRate('in_progress', false)).toBe(false);
	});

	it('reopens on 1 or 2 stars', () => {
		expect([1, 2, 3, 4, 5].map(reopensOnRating)).toEqual([true, true, false, false, false]);
	});
});
