// The integration and e2e tiers run against the production build; a build of older sources
// would test old code. The test setup rebuilds when the sources' hash differs from the one the
// build was made from, and this fails if it ever did not.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFrom, sourceHash } from '../../src/ensure-build.js';

describe('the build under test', () => {
	it('was made from the current sources', () => {
		expect(builtFrom()).not.toBeNull();
		expect(builtFrom()).toBe(sourceHash());
	});

	it('counts any edit to a source, and no edit to a test beside it', () => {
		const root = mkdtempSync(join(tmpdir(), 'vd-hash-'));
		try {
			cpSync('src/lib/dispatch', join(root, 'src/lib/dispatch'), { recursive: true });
			const before = sourceHash(root);
			writeFileSync(join(root, 'src/lib/dispatch/geo.test.ts'), '// a test edited');
			expect(sourceHash(root)).toBe(before);
			writeFileSync(join(root, 'src/lib/dispatch/geo.ts'), '// a source edited');
			expect(sourceHash(root)).not.toBe(before);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
