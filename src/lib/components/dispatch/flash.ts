import type { Action } from 'svelte/action';

interface RowChange {
	version: number;
	/** It arrived or changed live, after the page loaded. */
	live: boolean;
}

// One keyframe: the row fades from yellow back to whatever its own background is (urgent, selected).
const FLASH: Keyframe[] = [{ backgroundColor: '#fef9c3', offset: 0 }];

/**
 * Flashes a queue row yellow once when it arrives live and whenever its version grows. Each
 * row watches only its own version, so a live batch touches only the rows it changed, not
 * every row of a thousand.
 */
export const flashOnChange: Action<HTMLElement, RowChange> = (row, change) => {
	let version = change.version;
	const flash = () => {
		const target = row.firstElementChild ?? row;
		if (!window.matchMedia('(prefers-reduced-motion: reduce)').matches) target.animate(FLASH, { duration: 1200, easing: 'ease-out' });
	};
	if (change.live) flash();
	return {
		update(next) {
			if (next.version > version) flash();
			version = next.version;
		}
	};
};
