import { describe, expect, it } from 'vitest';
import { whyIneligible } from './eligibility';

const fit = { name: '李华', skills: ['repair', 'haircut'], available: true, active: true, servesCommunity: true };

describe('whyIneligible', () => {
	it('accepts an active, on-duty volunteer of the community with the skill', () => {
		expect(whyIneligible(fit, 'haircut')).toBeNull();
	});

	it('names the missing skill first, then being off duty', () => {
		expect(whyIneligible({ ...fit, skills: ['repair'], available: false }, 'haircut')).toBe(
			'李华 does not have the skill for this request.'
		);
		expect(whyIneligible({ ...fit, available: false }, 'haircut')).toBe('李华 is off duty.');
	});

	it('refuses a volunteer who does not serve the community, or is no longer active, before anything else', () => {
		expect(whyIneligible({ ...fit, servesCommunity: false }, 'haircut')).toBe('李华 does not serve this community.');
		expect(whyIneligible({ ...fit, active: false, servesCommunity: false }, 'haircut')).toBe('李华 is no longer an active volunteer.');
	});
});
