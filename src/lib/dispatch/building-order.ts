const numeric = new Intl.Collator('zh-CN', { numeric: true });

/** Buildings in the order of their numbers, as people count them: 2栋 before 10栋, 一组2栋 before 一组10栋. */
export function byBuildingName(a: { name: string }, b: { name: string }): number {
	return numeric.compare(a.name, b.name);
}
