// A seeded pseudo-random generator (mulberry32), so that every run of the
// benchmark builds exactly the same caseloads on every machine.

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	}

	/** An integer in [min, max]. */
	between(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)]!;
	}

	/** Picks from [weight, value] pairs. */
	weighted<T>(choices: ReadonlyArray<readonly [number, T]>): T {
		const total = choices.reduce((sum, [weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [weight, value] of choices) {
			roll -= weight;
			if (roll < 0) return value;
		}
		return choices[choices.length - 1]![1];
	}
}
