// A stable colour per service. The first three keep the colours they always had, and the seven
// seeded with them each have a colour of their own, so the services every county starts with
// never share one. Any other takes one from the palette by a hash of its code, so adding or
// reordering services never repaints the others. Every colour carries white text at 4.5:1 or
// more (WCAG AA), and the service's name is always written beside it: colour never says
// anything on its own.

const FIRST: Record<string, string> = {
	haircut: '#7c3aed',
	repair: '#0369a1',
	elder_visit: '#c2410c',
	home_help: '#0f766e',
	meal_help: '#be185d',
	child_minding: '#4d7c0f',
	companionship: '#a21caf',
	nail_care: '#9a3412',
	appliance_repair: '#57534e',
	mediation: '#1d4ed8'
};
export const SERVICE_PALETTE = [
	'#0f766e',
	'#a21caf',
	'#4d7c0f',
	'#1d4ed8',
	'#9a3412',
	'#0e7490',
	'#be185d',
	'#4338ca',
	'#57534e',
	'#047857'
];

export function serviceColor(code: string): string {
	const fixed = FIRST[code];
	if (fixed) return fixed;
	let hash = 5381;
	for (let i = 0; i < code.length; i++) hash = (hash * 33 + code.charCodeAt(i)) >>> 0;
	return SERVICE_PALETTE[hash % SERVICE_PALETTE.length]!;
}
