/**
 * A short two-note chime made with the Web Audio API, so no sound file has to load.
 *
 * Browsers let a page make sound only after the person has touched it once. `unlock()` is
 * called on the first tap or key press, so a later chime also plays while the tab is hidden.
 */
export class Chime {
	#context: AudioContext | null = null;

	/** Call from a user gesture: creates or resumes the audio context. */
	unlock(): void {
		const context = this.#ensureContext();
		if (context?.state === 'suspended') void context.resume().catch(() => {});
	}

	/** Plays `notes` (Hz), one after another; by default a rising major sixth, twice: friendly, short, and hard to mistake. */
	play(notes: readonly number[] = [880, 1318.5, 880, 1318.5]): void {
		const context = this.#ensureContext();
		if (!context) return;
		if (context.state === 'suspended') void context.resume().catch(() => {});
		const start = context.currentTime + 0.02;
		notes.forEach((frequency, i) => this.#tone(context, frequency, start + i * 0.16, 0.22));
	}

	#ensureContext(): AudioContext | null {
		if (this.#context) return this.#context;
		const Context =
			typeof window === 'undefined'
				? undefined
				: (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
		if (!Context) return null;
		try {
			this.#context = new Context();
		} catch {
			return null;
		}
		return this.#context;
	}

	#tone(context: AudioContext, frequency: number, at: number, length: number) {
		const oscillator = context.createOscillator();
		const gain = context.createGain();
		oscillator.type = 'sine';
		oscillator.frequency.value = frequency;
		// A quick attack and an exponential fade, so the note does not click.
		gain.gain.setValueAtTime(0.0001, at);
		gain.gain.exponentialRampToValueAtTime(0.35, at + 0.015);
		gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
		oscillator.connect(gain).connect(context.destination);
		oscillator.start(at);
		oscillator.stop(at + length + 0.02);
	}

	close(): void {
		void this.#context?.close().catch(() => {});
		this.#context = null;
	}
}
