// Seeded randomness for the demo community: the same seed always gives the same town.
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for demo data; never Math.random. */
export function mulberry32(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
export const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
export const int = (rng: Rng, lo: number, hi: number) => Math.floor(between(rng, lo, hi + 1));
export function pick<T>(rng: Rng, items: readonly T[]): T {
	if (items.length === 0) throw new Error('pick: nothing to pick from');
	return items[Math.floor(rng() * items.length)]!; // rng() < 1, so the index is in range
}
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}
export function weighted(rng: Rng, weights: readonly number[]): number {
	let r = rng() * weights.reduce((a, b) => a + b, 0);
	for (const [i, weight] of weights.entries()) if ((r -= weight) < 0) return i;
	return weights.length - 1;
}
/** A UUID-v4-shaped id drawn from the PRNG, so ids are as reproducible as everything else. */
export function uuid(rng: Rng): string {
	const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16));
	hex[12] = 4;
	hex[16] = 8 + (hex[16]! & 3);
	const s = hex.map((d) => d.toString(16)).join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
