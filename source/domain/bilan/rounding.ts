// REFERENTIEL §8: a ratio is a percentage and a mean a number of days, rounded
// half up to one decimal from unrounded parts (2/3 → 66.7; 5/16 → 31.3), and
// absent (null) over nobody. Exact integer arithmetic: 31.25 must not become
// 31.2 through a binary fraction such as 31.249999….

/** A non-negative fraction, kept exact (means of means add fractions whose denominators differ). */
export interface Fraction {
	readonly num: bigint;
	readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
	while (b !== 0n) [a, b] = [b, a % b];
	return a < 0n ? -a : a;
}

export function fraction(num: number | bigint, den: number | bigint): Fraction {
	const n = BigInt(num);
	const d = BigInt(den);
	const g = gcd(n, d) || 1n;
	return {num: n / g, den: d / g};
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
	return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** num / den (≥ 0) rounded half up to one decimal. */
export function roundTenths(value: Fraction): number {
	// tenths = floor(value × 10 + 1/2) = floor((20 num + den) / (2 den))
	const tenths = (20n * value.num + value.den) / (2n * value.den);
	return Number(tenths) / 10;
}

/** part / whole in %, rounded half up to one decimal; null when whole is 0 (nobody). */
export function percent(part: number, whole: number): number | null {
	return whole === 0 ? null : roundTenths(fraction(100 * part, whole));
}

/**
 * The exact mean of fractions num / den given as small whole numbers (a mean gap:
 * days over gaps), undefined when there is none. The numerators are summed per
 * denominator first: a thousand parcours have a handful of distinct gap counts.
 */
export class ExactMean {
	private readonly sums = new Map<number, number>();
	private count = 0;

	add(num: number, den: number): void {
		this.sums.set(den, (this.sums.get(den) ?? 0) + num);
		this.count++;
	}

	value(): Fraction | undefined {
		if (this.count === 0) return undefined;
		let sum = fraction(0, 1);
		for (const [den, num] of this.sums) sum = addFractions(sum, fraction(num, den));
		return fraction(sum.num, sum.den * BigInt(this.count));
	}
}
