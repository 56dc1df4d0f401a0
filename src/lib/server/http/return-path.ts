/**
 * Where to go after signing in, from a `next` the caller supplied. Only a path on our own
 * origin is accepted: the value is resolved the way a browser would resolve a Location header
 * (which drops tabs and newlines, and reads `\` as `/`), and the result must stay on this origin
 * with a path that starts with a single `/`. What is returned is the resolved, percent-encoded
 * form, never the raw text, so no header can be split by it.
 */
export function sameOriginPath(next: string | null, origin: string): string | null {
	if (!next || !next.startsWith('/')) return null;
	let resolved: URL;
	try {
		resolved = new URL(next, origin);
	} catch {
		return null;
	}
	if (resolved.origin !== new URL(origin).origin) return null;
	// `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as a host.
	if (resolved.pathname.startsWith('//')) return null;
	return resolved.pathname + resolved.search + resolved.hash;
}
