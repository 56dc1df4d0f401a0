import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, bodyProblem } from './body-check';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('bodyProblem', () => {
	it('passes ordinary bodies', () => {
		expect(bodyProblem({ type: 'repair', note: '水管 漏水', tags: [1, [2, { a: null }]] })).toBeNull();
		expect(bodyProblem(nested(MAX_JSON_DEPTH))).toBeNull();
	});

	it('refuses nesting past the limit, however deep, without overflowing the stack', () => {
		expect(bodyProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/nested more than 32/);
		expect(bodyProblem(nested(16_000))).toMatch(/nested/);
		expect(bodyProblem(nested(200_000))).toMatch(/nested/);
	});

	it('finds U+0000 in any value or key, at any depth', () => {
		expect(bodyProblem({ note: 'a\u0000b' })).toMatch(/NUL/);
		expect(bodyProblem({ 'k\u0000': 1 })).toMatch(/NUL/);
		expect(bodyProblem([[[{ deep: ['x', 'y\u0000'] }]]])).toMatch(/NUL/);
	});
});
