// The speed budgets of issue 7, checked on the benchmark's measurements.

export interface Budget {
	readonly id: string;
	/** what is measured, in French (the table is read by people) */
	readonly label: string;
	readonly size: number;
	readonly limit: number;
	readonly unit: 'ms' | 'Mo' | '×';
}

export const BUDGETS: readonly Budget[] = [
	{id: 'report-ratio', label: 'report --json / plancher (node + JSON.parse)', size: 10_000, limit: 1.5, unit: '×'},
	{id: 'compute', label: 'calcul du tri (en mémoire)', size: 10_000, limit: 50, unit: 'ms'},
	{id: 'import-ratio', label: 'import / lecture exceljs en flux', size: 10_000, limit: 1.5, unit: '×'},
	{id: 'import-memory', label: 'import : mémoire max', size: 10_000, limit: 600, unit: 'Mo'},
	{id: 'export', label: 'export --cellule', size: 10_000, limit: 3000, unit: 'ms'},
	{id: 'first-frame', label: 'tableau de bord : première image', size: 10_000, limit: 1000, unit: 'ms'},
	{id: 'keypress', label: 'touche → image (file de 5 000, médiane)', size: 10_000, limit: 30, unit: 'ms'},
	{id: 'report-memory', label: 'report : mémoire max', size: 50_000, limit: 500, unit: 'Mo'},
	{id: 'bilan-ratio', label: 'bilan --json sur un an / plancher (node + JSON.parse)', size: 10_000, limit: 1.5, unit: '×'},
	{id: 'bilan-table', label: 'bilan : calcul du tableau le plus lent (sur un an)', size: 10_000, limit: 100, unit: 'ms'},
	{id: 'echeances-compute', label: 'calcul des échéances d’un·e référent·e (en mémoire)', size: 10_000, limit: 50, unit: 'ms'},
	{id: 'echeances-ratio', label: 'echeances --json / plancher (node + JSON.parse)', size: 10_000, limit: 1.5, unit: '×'},
];

export type Verdict = 'ok' | 'dépassé' | 'non mesuré';

export interface BudgetResult extends Budget {
	readonly value?: number;
	readonly verdict: Verdict;
}

/** The team store's budgets (issue 18), checked when a PostgreSQL server is measured. */
export const POSTGRES_BUDGETS: readonly Budget[] = [
	{id: 'pg-report-ratio', label: 'report --json depuis PostgreSQL / depuis le fichier', size: 10_000, limit: 2, unit: '×'},
	{id: 'pg-edit', label: 'PostgreSQL : une modification, aller-retour (médiane)', size: 10_000, limit: 20, unit: 'ms'},
	{id: 'pg-first-frame', label: 'PostgreSQL : tableau de bord, première image', size: 10_000, limit: 1500, unit: 'ms'},
];

/** A budget that could not be measured counts as missed: the benchmark must say so. */
export function checkBudgets(value: (budget: Budget) => number | undefined, budgets: readonly Budget[] = BUDGETS): BudgetResult[] {
	return budgets.map(budget => {
		const measured = value(budget);
		const verdict: Verdict = measured === undefined || Number.isNaN(measured) ? 'non mesuré' : measured <= budget.limit ? 'ok' : 'dépassé';
		return {...budget, value: measured, verdict};
	});
}
