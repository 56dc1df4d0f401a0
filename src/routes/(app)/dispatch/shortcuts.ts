export type BoardShortcut = 'new' | 'search' | 'next' | 'previous' | 'assignTop' | 'help' | 'close';

/** Whether the key press happened while typing, where letters must stay letters. */
function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Maps a key press on the board to its shortcut, or null. Listed for users in ShortcutHelp. */
export function boardShortcut(event: KeyboardEvent): BoardShortcut | null {
	if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
	if (event.key === 'Escape') return isTyping(event.target) ? null : 'close';
	if (isTyping(event.target)) return null;
	switch (event.key) {
		case 'n':
		case 'N':
			return 'new';
		case '/':
			return 'search';
		case 'j':
		case 'ArrowDown':
			return 'next';
		case 'k':
		case 'ArrowUp':
			return 'previous';
		case 'a':
		case 'A':
			return 'assignTop';
		case '?':
			return 'help';
		default:
			return null;
	}
}
