import { describe, expect, it } from 'vitest';
import { deadlineText } from './deadline-text';

const en = { min: 'min', h: 'h', d: 'd' };
const zh = { min: '分钟', h: '小时', d: '天' };

describe('deadlineText', () => {
	it('says a deadline exactly, in the largest units, leaving out the zeros', () => {
		expect([20, 60, 90, 240, 1440, 4320, 2000].map((m) => deadlineText(m, en))).toEqual([
			'20 min',
			'1 h',
			'1 h 30 min',
			'4 h',
			'1 d',
			'3 d',
			'1 d 9 h 20 min'
		]);
		expect(deadlineText(720, zh)).toBe('12 小时');
	});

	it('says nothing for a value that is not a deadline (a field being typed)', () => {
		expect([0, -5, 1.5, NaN].map((m) => deadlineText(m, en))).toEqual(['–', '–', '–', '–']);
	});
});
