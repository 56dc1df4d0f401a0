import { describe, expect, it } from 'vitest';
import { problemCode, problemKey } from './api-problem';
import { createTranslator } from './translate';

describe('problemKey', () => {
	it('says a lost connection, not the word "network"', () => {
		expect(problemKey({ status: 0, code: 'network' })).toBe('common.networkError');
		expect(createTranslator('zh-CN')(problemKey({ status: 0, code: 'network' }))).not.toMatch(/network/i);
	});
	it('chooses by the contract code first, then by the status', () => {
		expect(problemKey({ status: 503, code: 'unavailable' })).toBe('problem.unavailable');
		expect(problemCode({ status: 409, code: 'unknown' })).toBe('conflict');
		expect(problemCode({ status: 502, code: 'unknown' })).toBe('internal');
		expect(problemCode({ status: 500, code: 'internal' })).toBe('internal');
	});
	it('lets one action give a code its own meaning', () => {
		const special = { unprocessable: 'problem.assign.unprocessable' } as const;
		expect(problemKey({ status: 422, code: 'unprocessable' }, special)).toBe('problem.assign.unprocessable');
		expect(problemKey({ status: 409, code: 'conflict' }, special)).toBe('problem.conflict');
	});
	it('has a sentence for every code in both languages', () => {
		for (const code of [
			'network',
			'unavailable',
			'unauthenticated',
			'forbidden',
			'not_found',
			'conflict',
			'unprocessable',
			'rate_limited',
			'invalid_input',
			'internal'
		]) {
			const key = problemKey({ status: 400, code });
			expect(createTranslator('en')(key), code).not.toBe(key);
			expect(createTranslator('zh-CN')(key), code).not.toBe(key);
		}
	});
});
