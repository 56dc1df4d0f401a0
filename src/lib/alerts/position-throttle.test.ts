import { describe, expect, it } from 'vitest';
import { PositionThrottle } from './position-throttle';

const here = { lat: 31, lng: 121 };
const fiftyMetresNorth = { lat: 31.00045, lng: 121 };

describe('PositionThrottle', () => {
	it('sends the first fix at once', () => {
		expect(new PositionThrottle().shouldSend(here, 0)).toBe(true);
	});

	it('never sends twice within 30 s, however far the phone moved', () => {
		const throttle = new PositionThrottle();
		throttle.sent(here, 0);
		expect(throttle.shouldSend(fiftyMetresNorth, 29_999)).toBe(false);
		expect(throttle.shouldSend(fiftyMetresNorth, 30_000)).toBe(true);
	});

	it('while standing still, sends only every five minutes', () => {
		const throttle = new PositionThrottle();
		throttle.sent(here, 0);
		expect(throttle.shouldSend({ lat: 31.00001, lng: 121 }, 60_000)).toBe(false);
		expect(throttle.shouldSend(here, 5 * 60_000)).toBe(true);
	});

	it('starts afresh after a reset (going off and on duty)', () => {
		const throttle = new PositionThrottle();
		throttle.sent(here, 0);
		throttle.reset();
		expect(throttle.shouldSend(here, 1)).toBe(true);
	});
});
