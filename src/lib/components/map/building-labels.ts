// Building names on the map, only where they fit: at a town-wide zoom a label would cover its
// neighbours, so each building is labelled once its outline on screen is wide enough for it.

/** The label's font size in pixels (see .building-label in CommunityMap.svelte). */
export const LABEL_FONT_PX = 12;
/** Never more labels than this at once: a screen of them is unreadable, and each is a DOM node. */
export const MAX_LABELS = 300;

/** Width on screen of a name: CJK characters are a full em wide, others about half. */
export function labelWidthPx(name: string, fontPx = LABEL_FONT_PX): number {
	let ems = 0;
	for (const char of name) ems += /[\u2e80-\u9fff\uff00-\uffef]/u.test(char) ? 1 : 0.6;
	return ems * fontPx + 4;
}

/** Whether a name fits inside a building drawn `widthPx` by `heightPx` on screen. */
export function labelFits(name: string, widthPx: number, heightPx: number, fontPx = LABEL_FONT_PX): boolean {
	return widthPx >= labelWidthPx(name, fontPx) && heightPx >= fontPx + 2;
}
