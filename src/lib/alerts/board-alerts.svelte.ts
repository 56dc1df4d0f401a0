import { Chime } from './chime';

const MUTED = 'volunteer-dispatch.board-muted';

/** A falling fourth, twice as short as the volunteer's chime: "look at this", not "a new task for you". */
const ATTENTION_NOTES = [784, 587.3] as const;

/**
 * The board's sound: a short one when a request newly needs attention, unless the dispatcher
 * muted it (kept per browser). Browsers play sound only after a first touch, so `start` arms
 * the chime on the first tap or key press.
 */
export class BoardAlerts {
	muted = $state(false);
	#chime = new Chime();

	/** Reads the mute and arms the sound on the first touch. Returns the cleanup. */
	start(): () => void {
		this.muted = localStorage.getItem(MUTED) === '1';
		const unlock = () => this.#chime.unlock();
		window.addEventListener('pointerdown', unlock, { once: true });
		window.addEventListener('keydown', unlock, { once: true });
		return () => {
			window.removeEventListener('pointerdown', unlock);
			window.removeEventListener('keydown', unlock);
			this.#chime.close();
		};
	}

	toggleMute(): void {
		this.muted = !this.muted;
		if (this.muted) localStorage.setItem(MUTED, '1');
		else localStorage.removeItem(MUTED);
	}

	ring(): void {
		if (!this.muted) this.#chime.play(ATTENTION_NOTES);
	}
}
