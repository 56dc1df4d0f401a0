/**
 * One JSON array written as its pages arrive: `first` at once, then each page of `rest`.
 * A failure after the first byte can no longer change the status, so the stream is broken off
 * (the client sees an incomplete body, never a shorter array that looks whole) and reported.
 */
export function jsonArrayStream(
	first: readonly unknown[],
	rest: AsyncIterable<readonly unknown[]>,
	onFailure: (error: unknown) => void
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const pages = rest[Symbol.asyncIterator]();
	let written = 0;
	const chunk = (items: readonly unknown[]) => {
		const text = items.map((item) => JSON.stringify(item)).join(',');
		const separated = written > 0 && items.length > 0 ? `,${text}` : text;
		written += items.length;
		return encoder.encode(separated);
	};
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode('['));
			controller.enqueue(chunk(first));
		},
		async pull(controller) {
			try {
				const next = await pages.next();
				if (next.done) {
					controller.enqueue(encoder.encode(']'));
					controller.close();
				} else {
					controller.enqueue(chunk(next.value));
				}
			} catch (error) {
				onFailure(error);
				controller.error(error);
			}
		},
		async cancel() {
			await pages.return?.();
		}
	});
}
