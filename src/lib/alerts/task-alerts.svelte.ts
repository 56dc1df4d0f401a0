import { Chime } from './chime';
import {
	askForNotifications,
	notificationAccess,
	prepareNotificationWorker,
	showNotification,
	type NotificationAccess,
	type TaskNotification
} from './browser-notifications';

const LATER_KEY = 'volunteer-dispatch.alerts-later';

/**
 * Everything that makes a new task impossible to miss: a chime, a vibration, a system
 * notification. Permission is asked only from our own banner, never on load.
 */
export class TaskAlerts {
	access = $state<NotificationAccess>('unsupported');
	askLater = $state(false);
	#chime = new Chime();

	/** Reads the browser's state and arms the sound on the first touch. Returns the cleanup. */
	start(): () => void {
		this.access = notificationAccess();
		this.askLater = sessionStorage.getItem(LATER_KEY) === '1';
		if (this.access === 'granted') prepareNotificationWorker();
		const unlock = () => this.#chime.unlock();
		window.addEventListener('pointerdown', unlock, { once: true });
		window.addEventListener('keydown', unlock, { once: true });
		return () => {
			window.removeEventListener('pointerdown', unlock);
			window.removeEventListener('keydown', unlock);
			this.#chime.close();
		};
	}

	/** The banner shows until the volunteer decides, or says "not now" for this session. */
	get shownAccess(): NotificationAccess {
		return this.access === 'default' && this.askLater ? 'granted' : this.access;
	}

	async enable(): Promise<void> {
		this.#chime.unlock();
		this.access = await askForNotifications();
		if (this.access === 'granted') prepareNotificationWorker();
	}

	later(): void {
		this.askLater = true;
		sessionStorage.setItem(LATER_KEY, '1');
	}

	ring(): void {
		this.#chime.play();
		// Phones in a pocket: a buzz too, where the browser allows it.
		navigator.vibrate?.([250, 120, 250]);
	}

	testSound(): void {
		this.#chime.unlock();
		this.#chime.play();
	}

	notify(message: TaskNotification): void {
		showNotification(message);
	}
}
