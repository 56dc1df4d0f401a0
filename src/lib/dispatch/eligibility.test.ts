import { describe, expect, it } from 'vitest';
import { whyIneligible } from './eligibility';

describe('whyIneligible', () => {
	it('accepts an on-duty volunteer with the skill', () => {
		expect(whyIneligible({ name: '李华', skills: ['repair', 'haircut'], available: true }, 'haircut')).toBeNull();
	});

	it('names the missing skill first, then being off duty', () => {
		expect(whyIneligible({ name: '李华', skills: ['repair'], available: false }, 'haircut')).toBe(
			'李华 does not have the skill for this request.'
		);
		expect(whyIneligible({ name: '李华', skills: ['haircut'], available: false }, 'haircut')).toBe('李华 is off duty.');
	});
});
