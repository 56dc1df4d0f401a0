import { describe, expect, it } from 'vitest';
import { jsonArrayStream } from './json-stream';

async function* pagesOf(pages: unknown[][], failAfter = Infinity) {
	let given = 0;
	for (const page of pages) {
		if (given++ >= failAfter) throw new Error('database went away');
		yield page;
	}
}

describe('jsonArrayStream', () => {
	it('writes one JSON array of every page in order, whatever pages are empty', async () => {
		const cases: [unknown[], unknown[][]][] = [
			[[], []],
			[[1], []],
			[[], [[2, 3]]],
			[[{ a: 1 }], [[], [{ b: '逗号,"引号"' }], [], [3]]]
		];
		for (const [first, rest] of cases) {
			const text = await new Response(jsonArrayStream(first, pagesOf(rest), () => {})).text();
			expect(JSON.parse(text)).toEqual([...first, ...rest.flat()]);
		}
	});

	it('breaks off, and reports, when a later page fails: never a shorter array that looks whole', async () => {
		const failures: unknown[] = [];
		const stream = jsonArrayStream([1], pagesOf([[2], [3]], 1), (e) => failures.push(e));
		await expect(new Response(stream).text()).rejects.toThrow();
		expect(failures).toHaveLength(1);
	});
});
