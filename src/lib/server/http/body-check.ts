/** Deeper than any body the API takes; a deeper one is refused before anything walks it. */
export const MAX_JSON_DEPTH = 32;

/**
 * What is wrong with a parsed body before the schema sees it, or null: nesting deeper than
 * MAX_JSON_DEPTH, or U+0000 anywhere (PostgreSQL text cannot hold it, so it would be a 500).
 * Walked with a stack of its own, not by recursion, so no body can overflow ours.
 */
export function bodyProblem(value: unknown): string | null {
	const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
	while (pending.length > 0) {
		const { value: v, depth } = pending.pop()!;
		if (typeof v === 'string') {
			if (v.includes('\u0000')) return 'Text may not contain the NUL character.';
		} else if (v !== null && typeof v === 'object') {
			if (depth >= MAX_JSON_DEPTH) return `The body is nested more than ${MAX_JSON_DEPTH} levels deep.`;
			for (const [key, child] of Object.entries(v)) {
				if (key.includes('\u0000')) return 'Text may not contain the NUL character.';
				pending.push({ value: child, depth: depth + 1 });
			}
		}
	}
	return null;
}
