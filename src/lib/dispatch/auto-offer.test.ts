import { describe, expect, it } from 'vitest';
import { pickAutoOffer, type AutoOfferCandidate } from './auto-offer';

const online = (volunteerId: string, declined = false): AutoOfferCandidate => ({ volunteerId, online: true, declined });
const offline = (volunteerId: string): AutoOfferCandidate => ({ volunteerId, online: false, declined: false });

describe('pickAutoOffer', () => {
	const none = new Set<string>();

	it('asks the best online volunteer, skipping anyone offline', () => {
		expect(pickAutoOffer({ tried: 0, maxTries: 5, candidates: [offline('a'), online('b'), online('c')], offeredBefore: none })).toBe('b');
	});

	it('never asks again someone already asked, nor someone who declined', () => {
		const candidates = [online('a'), online('b', true), online('c')];
		expect(pickAutoOffer({ tried: 1, maxTries: 5, candidates, offeredBefore: new Set(['a']) })).toBe('c');
	});

	it('stops after the last online candidate', () => {
		expect(pickAutoOffer({ tried: 2, maxTries: 5, candidates: [online('a'), offline('b')], offeredBefore: new Set(['a']) })).toBeNull();
		expect(pickAutoOffer({ tried: 0, maxTries: 5, candidates: [], offeredBefore: none })).toBeNull();
	});

	it('stops after the most tries, even with people left', () => {
		const candidates = [online('a'), online('b'), online('c')];
		expect(pickAutoOffer({ tried: 2, maxTries: 2, candidates, offeredBefore: new Set(['a', 'b']) })).toBeNull();
		expect(pickAutoOffer({ tried: 1, maxTries: 2, candidates, offeredBefore: new Set(['a']) })).toBe('b');
	});
});
