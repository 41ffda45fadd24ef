// The one keyboard of the program: keys come in (already split, splitKeys.ts), go
// through a queue, and each is handed to whatever owns the keyboard at that moment
// — a screen, a form over it, a question over the form — looked up in the keymap
// for that owner's scopes. A key is handed over only once the previous one has
// produced its state: its handler returned, the promise it returned (a save)
// settled, and the screen it changed was committed (`afterKey`). So a key that
// opens a form is followed by keys the form handles, and keys after an edit act on
// what the edit left on screen. Global keys (Ctrl-C) act at once, queue or not.
import {type Binding, bindingFor, KEYMAP, type Scope} from '../keymap.js';
import {type KeyPress, named, typedText} from './splitKeys.js';

/** A handler's result: nothing, or a promise the next key waits for (a save under way). */
export type Settled = void | Promise<unknown>;

/** What owns the keyboard: a screen (level 0) or something shown over it (level 1: a form, a question). */
export interface KeyLayer {
	/** its scopes, most specific first ('form-date', 'form') */
	readonly scopes: readonly Scope[];
	/** a command the keymap binds in those scopes, with the key that chose it */
	readonly handle: (command: string, key: KeyPress) => Settled;
}

export interface KeyboardOptions {
	readonly bindings?: readonly Binding[];
	/** the commands of the `global` scope (Ctrl-C), run at once */
	readonly global: (command: string, key: KeyPress) => void;
	/** called after a key was handled: call `done` once the state it produced is on screen */
	readonly afterKey: (done: () => void) => void;
	/** the owner of the keyboard changed (the footer follows) */
	readonly onOwnerChange?: () => void;
}

interface Entry {
	readonly level: number;
	layer: KeyLayer;
}

export class Keyboard {
	private readonly entries: Entry[] = [];
	private readonly queue: KeyPress[] = [];
	private busy = false;

	constructor(private readonly options: KeyboardOptions) {}

	private get bindings(): readonly Binding[] {
		return this.options.bindings ?? KEYMAP;
	}

	/** Adds an owner; the highest level, then the latest added, owns the keyboard. Returns its update and removal. */
	add(level: number, layer: KeyLayer): {update: (layer: KeyLayer) => void; remove: () => void} {
		const entry: Entry = {level, layer};
		this.entries.push(entry);
		this.options.onOwnerChange?.();
		return {
			update: next => {
				const before = entry.layer.scopes.join(' ');
				entry.layer = next;
				if (next.scopes.join(' ') !== before && this.owner() === entry) this.options.onOwnerChange?.();
			},
			remove: () => {
				const index = this.entries.indexOf(entry);
				if (index === -1) return;
				this.entries.splice(index, 1);
				this.options.onOwnerChange?.();
			},
		};
	}

	private owner(): Entry | undefined {
		let top: Entry | undefined;
		for (const entry of this.entries) if (!top || entry.level >= top.level) top = entry;
		return top;
	}

	/** The scopes of what owns the keyboard now, for the footer. */
	ownerScopes(): readonly Scope[] {
		return this.owner()?.layer.scopes ?? [];
	}

	/** Keys in the order typed. */
	receive(keys: readonly KeyPress[]): void {
		for (const key of keys) {
			const global = bindingFor(key, ['global'], this.bindings);
			if (global) this.options.global(global.command, key);
			else this.queue.push(key);
		}
		this.next();
	}

	/** Keys waiting for their turn. */
	get waiting(): number {
		return this.queue.length;
	}

	private next(): void {
		if (this.busy) return;
		const key = this.queue.shift();
		if (key === undefined) return;
		this.busy = true;
		let settled: Settled;
		try {
			settled = this.dispatch(key);
		} catch (error) {
			this.busy = false;
			throw error;
		}
		const done = () => {
			this.busy = false;
			this.next();
		};
		const afterKey = () => this.options.afterKey(done);
		if (settled instanceof Promise) {
			settled.then(afterKey, (error: unknown) => {
				afterKey();
				throw error;
			});
		} else afterKey();
	}

	private dispatch(key: KeyPress): Settled {
		const owner = this.owner();
		if (!owner) return;
		const binding = bindingFor(key, owner.layer.scopes, this.bindings);
		if (binding) return owner.layer.handle(binding.command, key);
		// An Alt combination nobody binds is what Échap then a key look like when they
		// arrive together (ESC j): take them as the two keys they were.
		if ((key.type === 'char' || key.type === 'key') && key.meta) this.queue.unshift(named('escape'), {...key, meta: false});
		return;
	}
}

/** The text a key brings to a field: the character typed, or what was pasted (one line, no control characters). */
export function textOf(key: KeyPress): string {
	if (key.type === 'char') return typedText(key.char);
	if (key.type === 'paste') return typedText(key.text);
	return '';
}
