// Small numeric helpers for the benchmark's tables.

export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** 12345.6 → "12 346" (French thousands separator, no decimals above 100). */
export function formatNumber(value: number | undefined, decimals?: number): string {
	if (value === undefined || Number.isNaN(value)) return '—';
	const places = decimals ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
	const [whole, fraction] = value.toFixed(places).split('.');
	const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
	return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

export function round(value: number, decimals = 1): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}
