// One queue per edit session (file or base): calls run one after the other, in
// the order the keys were pressed, and the saves among them are counted from the
// moment they are asked until they are written or refused, so the screen can
// say « en cours d'enregistrement » and the exit can wait for them (drain).

export class SaveQueue {
	private tail: Promise<unknown> = Promise.resolve();
	private unsaved = 0;
	private readonly listeners = new Set<(saving: number) => void>();

	/** Runs `work` after everything queued before it (a failure does not stop the queue). */
	run<T>(work: () => Promise<T>): Promise<T> {
		const run = this.tail.then(work, work);
		this.tail = run.catch(() => undefined);
		return run;
	}

	/** A save: queued like any call, and counted until it is written (or refused). */
	save<T>(work: () => Promise<T>): Promise<T> {
		this.setUnsaved(this.unsaved + 1);
		const run = this.run(work);
		void run.finally(() => this.setUnsaved(this.unsaved - 1)).catch(() => undefined);
		return run;
	}

	/** Settles once everything queued so far has run. */
	idle(): Promise<unknown> {
		return this.tail;
	}

	/** How many saves asked for are not written yet. */
	get saving(): number {
		return this.unsaved;
	}

	/** Called with the number of saves not written yet, each time it changes; returns the unsubscribe. */
	onSaving(listener: (saving: number) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Resolves once every save asked for so far (and any asked meanwhile) is written or refused. */
	async drain(): Promise<void> {
		while (this.unsaved > 0) await this.tail;
	}

	private setUnsaved(count: number): void {
		this.unsaved = count;
		for (const listener of this.listeners) listener(count);
	}
}
