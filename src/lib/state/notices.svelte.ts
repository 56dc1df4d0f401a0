export interface Notice {
	id: number;
	kind: 'info' | 'success' | 'error';
	text: string;
}

/** Short-lived messages at the corner of the screen, e.g. "assigned" or a lost race. */
export class Notices {
	list = $state<Notice[]>([]);
	#next = 1;

	show(kind: Notice['kind'], text: string, ms = kind === 'error' ? 8000 : 4000): void {
		const id = this.#next++;
		this.list = [...this.list.slice(-3), { id, kind, text }];
		setTimeout(() => this.dismiss(id), ms);
	}

	dismiss(id: number): void {
		this.list = this.list.filter((n) => n.id !== id);
	}
}
