// The browser tests are only worth something against a build of the sources in front of us:
// this fails whenever a source changed after the build they run against was made.
import { test, expect } from '@playwright/test';
import { builtFrom, sourceHash } from '../../src/ensure-build.js';

test('the build under test was made from the current sources', () => {
	expect(builtFrom(), 'no build, or one without its source hash').not.toBeNull();
	expect(builtFrom()).toBe(sourceHash());
});
