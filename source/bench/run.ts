// `npm run bench`: builds synthetic caseloads of 100, 1,500, 10,000 and 50,000
// participants in a temp folder, measures the commands as a user runs them, prints
// a table, writes test/bench/results/latest.json, and exits 1 when a budget is missed.
//   node dist/bench/run.js [--sizes 100,1500] [--runs 5] [--keys 100] [--out FILE] [--keep]
// (--keep leaves the generated stores and workbooks in os.tmpdir()/plie-bench)
import {existsSync, mkdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {toDay} from '../domain/calendar.js';
import {BUDGETS, type BudgetResult, checkBudgets, POSTGRES_BUDGETS} from './budgets.js';
import {BENCH_SEED, generateCaseload, storeText} from './caseload.js';
import {firstFrameInTerminal, peakMemory, runJsonChild, timeNode} from './processes.js';
import {formatNumber, median, round} from './stats.js';
import {measurePostgres, type PostgresMeasure} from './postgresBench.js';

const TODAY = '2026-11-22';
/** the bilan's period: the year that ends on TODAY */
const BILAN_FROM = '2025-11-23';
const MEETING = '2026-12-08';
const QUEUE = 'caseload.active';
/** a section title of the dashboard: its first frame is on screen */
const DASHBOARD_MARKER = 'Effectifs';
const DIST = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(DIST, 'cli.js');
const REPO = path.resolve(DIST, '..');
const NOT_YET = 'n/a (pas encore disponible)';

const {values: flags} = parseArgs({
	options: {
		sizes: {type: 'string', default: '100,1500,10000,50000'},
		runs: {type: 'string', default: '5'},
		keys: {type: 'string', default: '100'},
		out: {type: 'string', default: path.join(REPO, 'test', 'bench', 'results', 'latest.json')},
		keep: {type: 'boolean', default: false},
		// the team store (issue 18): a throwaway PostgreSQL cluster, or PLIE_TRIAGE_BENCH_DATABASE_URL
		postgres: {type: 'boolean', default: false},
	},
});
const POSTGRES_URL = process.env.PLIE_TRIAGE_BENCH_DATABASE_URL || undefined;
const WITH_POSTGRES = flags.postgres || POSTGRES_URL !== undefined;
const SIZES = flags.sizes.split(',').map(Number);
const RUNS = Number(flags.runs);
const KEYS = Number(flags.keys);

interface Unavailable {
	readonly unavailable: string;
	readonly reason?: string;
}
type Maybe<T> = T | Unavailable;

function available<T>(value: Maybe<T> | undefined): value is T {
	return value !== undefined && !(typeof value === 'object' && value !== null && 'unavailable' in value);
}

interface SizeResult {
	participants: number;
	fileMb: number;
	report: {runsMs: number[]; medianMs: number; cpuMs?: number; peakMb?: number};
	floor: {runsMs: number[]; medianMs: number; cpuMs?: number; peakMb?: number};
	reportRatio: number;
	/** the same ratio on CPU time (user + system), less sensitive to other work on the machine */
	reportCpuRatio?: number;
	compute: {firstMs: number; runsMs: number[]; medianMs: number};
	echeances?: Maybe<{
		/** one référent·e's échéances, in memory */
		referentMs: number;
		referentFirstMs: number;
		/** the whole caseload's, in memory */
		everyoneMs: number;
		/** `echeances --json`, whole process, and the floor measured in turn with it */
		json: {runsMs: number[]; medianMs: number; cpuMs?: number};
		floorMs: number;
		ratio: number;
		cpuRatio?: number;
	}>;
	importWorkbook?: Maybe<{workbookMb: number; rows: number; importMs: number; walkMs: number; ratio: number; importPeakMb?: number; walkPeakMb?: number}>;
	exportCellule?: Maybe<{runsMs: number[]; medianMs: number}>;
	bilan?: Maybe<{
		runsMs: number[];
		medianMs: number;
		cpuMs?: number;
		floorRunsMs: number[];
		floorMedianMs: number;
		ratio: number;
		cpuRatio?: number;
		/** each table's first call and median, computed alone from the participants */
		tables: Record<string, {firstMs: number; medianMs: number}>;
		slowestTable: string;
		slowestTableMs: number;
	}>;
	dashboard?: Maybe<{
		firstFrameMs: number;
		firstFrameHow: string;
		firstFrameInMemoryMs: number;
		keypressMedianMs?: number;
		keypressP95Ms?: number;
		keypresses: number;
	}>;
	postgres?: PostgresMeasure;
}

// Other work on the machine (test runs…) shifts every time: the benchmark and the
// processes it starts ask for a higher scheduling priority when allowed (root or
// CAP_SYS_NICE), and the load average is printed with the results.
let priority = 'normale';
try {
	os.setPriority(os.constants.priority.PRIORITY_HIGH);
	priority = `haute (${os.getPriority()})`;
} catch {
	// not allowed: measured at normal priority
}

const workDir = path.join(os.tmpdir(), 'plie-bench');
mkdirSync(workDir, {recursive: true, mode: 0o700});

function log(text: string): void {
	process.stderr.write(`${text}\n`);
}

function firstLine(text: string): string {
	return text.trim().split('\n').find(line => line.trim() !== '')?.replace(/^plie-triage : /, '') ?? 'échec';
}

function unavailable(stderr: string): Unavailable {
	const line = firstLine(stderr);
	if (/pas encore disponible/.test(line)) return {unavailable: NOT_YET};
	// the table stays narrow; the whole reason goes to the JSON file
	return {unavailable: 'n/a (échec)', reason: line.slice(0, 300)} as Unavailable;
}

function measureReport(file: string, size: number): Pick<SizeResult, 'report' | 'floor' | 'reportRatio' | 'reportCpuRatio'> {
	const runs = size >= 50_000 ? Math.min(RUNS, 3) : RUNS;
	const reportArgs = [CLI, 'report', '--json', '--data', file, '--today', TODAY];
	const floorArgs = ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];
	// one of each first, so that both find the file in the page cache
	const warm = timeNode(reportArgs);
	if (warm.code !== 0) throw new Error(`report a échoué : ${warm.stderr}`);
	timeNode(floorArgs);
	const reportMs: number[] = [];
	const floorMs: number[] = [];
	const reportCpu: number[] = [];
	const floorCpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		const report = timeNode(reportArgs);
		const floor = timeNode(floorArgs);
		reportMs.push(report.ms);
		floorMs.push(floor.ms);
		if (report.cpuMs !== undefined && floor.cpuMs !== undefined) {
			reportCpu.push(report.cpuMs);
			floorCpu.push(floor.cpuMs);
		}
	}
	const cpu = (values: number[]) => (values.length > 0 ? median(values) : undefined);
	const report = {runsMs: reportMs.map(ms => round(ms)), medianMs: median(reportMs), cpuMs: cpu(reportCpu), peakMb: peakMemory(reportArgs).peakMb};
	const floor = {runsMs: floorMs.map(ms => round(ms)), medianMs: median(floorMs), cpuMs: cpu(floorCpu), peakMb: peakMemory(floorArgs).peakMb};
	const reportCpuRatio = report.cpuMs !== undefined && floor.cpuMs !== undefined ? report.cpuMs / floor.cpuMs : undefined;
	return {report, floor, reportRatio: report.medianMs / floor.medianMs, reportCpuRatio};
}

// The calls are spread over three processes: on this shared VM a whole process
// runs ~1.5× slower than the next one now and then (same code, same file; every
// function slower alike), and one process would make the median that process's luck.
const COMPUTE_PROCESSES = 3;

function measureCompute(file: string, size: number): SizeResult['compute'] {
	const runs = size >= 50_000 ? 2 : 15;
	const firsts: number[] = [];
	const all: number[] = [];
	for (let p = 0; p < COMPUTE_PROCESSES; p++) {
		const {firstMs, runsMs} = runJsonChild<{firstMs: number; runsMs: number[]}>('./computeChild.js', [file, TODAY, String(runs)]);
		firsts.push(firstMs);
		all.push(...runsMs);
	}
	return {firstMs: median(firsts), runsMs: all.map(ms => round(ms)), medianMs: median(all)};
}

/** The échéances: computed in memory (child processes), and `echeances --json` against the floor, run in turn. */
function measureEcheances(file: string, size: number): NonNullable<SizeResult['echeances']> {
	const computeRuns = size >= 50_000 ? 3 : 15;
	const referent: number[] = [];
	const referentFirst: number[] = [];
	const everyone: number[] = [];
	try {
		for (let p = 0; p < COMPUTE_PROCESSES; p++) {
			type Timing = {firstMs: number; runsMs: number[]};
			const result = runJsonChild<{oneReferent: Timing; everyone: Timing}>('./echeancesChild.js', [file, TODAY, String(computeRuns)]);
			referent.push(...result.oneReferent.runsMs);
			referentFirst.push(result.oneReferent.firstMs);
			everyone.push(...result.everyone.runsMs);
		}
	} catch (error) {
		return unavailable((error as Error).message);
	}
	const runs = size >= 50_000 ? Math.min(RUNS, 3) : RUNS;
	const jsonArgs = [CLI, 'echeances', '--json', '--data', file, '--today', TODAY];
	const floorArgs = ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];
	const warm = timeNode(jsonArgs);
	if (warm.code !== 0) return unavailable(warm.stderr);
	timeNode(floorArgs);
	const jsonMs: number[] = [];
	const floorMs: number[] = [];
	const jsonCpu: number[] = [];
	const floorCpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		const json = timeNode(jsonArgs);
		const floor = timeNode(floorArgs);
		jsonMs.push(json.ms);
		floorMs.push(floor.ms);
		if (json.cpuMs !== undefined && floor.cpuMs !== undefined) {
			jsonCpu.push(json.cpuMs);
			floorCpu.push(floor.cpuMs);
		}
	}
	const cpuRatio = jsonCpu.length > 0 ? median(jsonCpu) / median(floorCpu) : undefined;
	return {
		referentMs: median(referent),
		referentFirstMs: median(referentFirst),
		everyoneMs: median(everyone),
		json: {runsMs: jsonMs.map(ms => round(ms)), medianMs: median(jsonMs), cpuMs: jsonCpu.length > 0 ? median(jsonCpu) : undefined},
		floorMs: median(floorMs),
		ratio: median(jsonMs) / median(floorMs),
		cpuRatio,
	};
}

function measureImport(file: string, size: number, expectedRows: number): NonNullable<SizeResult['importWorkbook']> {
	const workbook = path.join(workDir, `echange-${size}.xlsx`);
	rmSync(workbook, {force: true});
	const written = timeNode([CLI, 'export', '--echange', '--data', file, '--today', TODAY, '--out', workbook, '--force']);
	if (written.code !== 0 || !existsSync(workbook)) return unavailable(written.stderr);
	const {rows} = runJsonChild<{rows: number}>('./walkRows.js', [workbook]);
	// four sheets: a header row each, then one row per person, step, event and previous CER
	if (rows !== expectedRows) return {unavailable: 'n/a (échec)', reason: `lecture en flux : ${rows} lignes au lieu de ${expectedRows}`} as Unavailable;
	const runs = Math.min(RUNS, 3);
	const importMs: number[] = [];
	const walkMs: number[] = [];
	let importPeakMb = 0;
	let walkPeakMb = 0;
	for (let i = 0; i < runs; i++) {
		const target = path.join(workDir, `import-${size}.json`);
		for (const leftover of [target, `${target}.bak1`, path.join(workDir, `import-${size}.journal.jsonl`)]) rmSync(leftover, {force: true});
		const imported = peakMemory([CLI, 'import', workbook, '--data', target, '--today', TODAY]);
		if (imported.code !== 0) return unavailable(imported.stderr);
		importMs.push(imported.ms);
		importPeakMb = Math.max(importPeakMb, imported.peakMb ?? 0);
		const walked = peakMemory([fileURLToPath(new URL('./walkRows.js', import.meta.url)), workbook]);
		walkMs.push(walked.ms);
		walkPeakMb = Math.max(walkPeakMb, walked.peakMb ?? 0);
	}
	return {
		workbookMb: statSync(workbook).size / 1_048_576,
		rows,
		importMs: median(importMs),
		walkMs: median(walkMs),
		ratio: median(importMs) / median(walkMs),
		importPeakMb: importPeakMb || undefined,
		walkPeakMb: walkPeakMb || undefined,
	};
}

function measureExport(file: string, size: number): NonNullable<SizeResult['exportCellule']> {
	const out = path.join(workDir, `cellule-${size}.xlsx`);
	const runsMs: number[] = [];
	for (let i = 0; i < Math.min(RUNS, 3); i++) {
		const run = timeNode([CLI, 'export', '--cellule', MEETING, '--data', file, '--today', TODAY, '--out', out, '--force']);
		if (run.code !== 0) return unavailable(run.stderr);
		runsMs.push(run.ms);
	}
	rmSync(out, {force: true});
	return {runsMs: runsMs.map(ms => round(ms)), medianMs: median(runsMs)};
}

/**
 * `bilan --json` over a year as a user runs it, against the same floor as report
 * (node + JSON.parse of the store), the two run in turn; then each table's
 * computation alone, in a child process (bilanChild.ts).
 */
function measureBilan(file: string): NonNullable<SizeResult['bilan']> {
	const bilanArgs = [CLI, 'bilan', '--json', '--data', file, '--du', BILAN_FROM, '--au', TODAY];
	const floorArgs = ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`];
	const warm = timeNode(bilanArgs);
	if (warm.code !== 0) return unavailable(warm.stderr);
	timeNode(floorArgs);
	const bilanMs: number[] = [];
	const floorMs: number[] = [];
	const bilanCpu: number[] = [];
	const floorCpu: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const bilan = timeNode(bilanArgs);
		const floor = timeNode(floorArgs);
		bilanMs.push(bilan.ms);
		floorMs.push(floor.ms);
		if (bilan.cpuMs !== undefined && floor.cpuMs !== undefined) {
			bilanCpu.push(bilan.cpuMs);
			floorCpu.push(floor.cpuMs);
		}
	}
	const child = runJsonChild<{tables: Record<string, {firstMs: number; runsMs: number[]}>}>('./bilanChild.js', [file, BILAN_FROM, TODAY, '9']);
	const tables = Object.fromEntries(Object.entries(child.tables).map(([id, t]) => [id, {firstMs: round(t.firstMs), medianMs: median(t.runsMs)}]));
	const [slowestTable, slowest] = Object.entries(tables).sort((a, b) => b[1].medianMs - a[1].medianMs)[0]!;
	const cpu = bilanCpu.length > 0 ? median(bilanCpu) / median(floorCpu) : undefined;
	return {
		runsMs: bilanMs.map(ms => round(ms)),
		medianMs: median(bilanMs),
		cpuMs: bilanCpu.length > 0 ? median(bilanCpu) : undefined,
		floorRunsMs: floorMs.map(ms => round(ms)),
		floorMedianMs: median(floorMs),
		ratio: median(bilanMs) / median(floorMs),
		cpuRatio: cpu,
		tables,
		slowestTable,
		slowestTableMs: slowest.medianMs,
	};
}

async function measureDashboard(file: string, size: number): Promise<NonNullable<SizeResult['dashboard']>> {
	if (!existsSync(path.join(DIST, 'ui', 'Dashboard.js'))) return {unavailable: NOT_YET};
	const withQueue = size === 10_000;
	const runs = Math.min(RUNS, 3);
	const childFrames: number[] = [];
	const keypresses: number[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			const keys = withQueue ? Math.ceil(KEYS / runs) : 0;
			const result = runJsonChild<{firstFrameMs: number; keypressMs: number[]; moved: boolean}>('./dashboardFrames.js', [
				file,
				TODAY,
				withQueue ? QUEUE : '',
				String(keys),
			]);
			if (withQueue && !result.moved) return {unavailable: 'n/a (la file ne défile pas avec ↓)'};
			childFrames.push(result.firstFrameMs);
			keypresses.push(...result.keypressMs);
		}
	} catch (error) {
		return unavailable((error as Error).message.split('\n').slice(1).join('\n') || (error as Error).message);
	}
	// the first frame as a user sees it: the real command in a pseudo-terminal
	const terminalFrames: number[] = [];
	for (let i = 0; i < runs; i++) {
		const ms = await firstFrameInTerminal([CLI, '--data', file, '--today', TODAY], DASHBOARD_MARKER);
		if (ms !== undefined) terminalFrames.push(ms);
	}
	const sorted = [...keypresses].sort((a, b) => a - b);
	return {
		firstFrameMs: terminalFrames.length > 0 ? median(terminalFrames) : median(childFrames),
		firstFrameHow: terminalFrames.length > 0 ? 'plie-triage dans un pseudo-terminal (script)' : 'processus enfant, Ink en mémoire',
		firstFrameInMemoryMs: median(childFrames),
		keypressMedianMs: keypresses.length > 0 ? median(keypresses) : undefined,
		keypressP95Ms: keypresses.length > 0 ? sorted[Math.floor(sorted.length * 0.95)] : undefined,
		keypresses: keypresses.length,
	};
}

async function measureSize(size: number): Promise<SizeResult> {
	const file = path.join(workDir, `caseload-${size}.json`);
	log(`— ${size} participants : génération…`);
	const store = generateCaseload(size, toDay(TODAY));
	const expectedRows = 4 + size + store.participants.reduce((sum, p) => sum + p.steps.length + p.events.length + (p.previousContracts?.length ?? 0), 0);
	const text = storeText(store);
	writeFileSync(file, text, {mode: 0o600});
	const fileMb = Buffer.byteLength(text) / 1_048_576;
	log(`  report --json et plancher…`);
	const reportPart = measureReport(file, size);
	log(`  calcul du tri…`);
	const compute = measureCompute(file, size);
	const result: SizeResult = {participants: size, fileMb, ...reportPart, compute};
	log(`  échéances…`);
	result.echeances = measureEcheances(file, size);
	if (size <= 10_000) {
		log(`  import du classeur d'échange…`);
		result.importWorkbook = measureImport(file, size, expectedRows);
		log(`  export cellule…`);
		result.exportCellule = measureExport(file, size);
		log(`  bilan sur un an…`);
		result.bilan = measureBilan(file);
		log(`  tableau de bord…`);
		result.dashboard = await measureDashboard(file, size);
	}
	if (WITH_POSTGRES && size === 10_000) {
		log(`  base PostgreSQL (db copy, report, modification, 1re image)…`);
		result.postgres = await measurePostgres(file, TODAY, result.report.medianMs, RUNS, {cluster: flags.postgres, url: POSTGRES_URL});
	}
	return result;
}

function machine() {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model.trim() ?? 'inconnu',
		cores: cpus.length,
		memoryGb: round(os.totalmem() / 1024 ** 3, 1),
		node: process.version,
		os: `${os.platform()} ${os.release()}`,
		loadAverage: startLoad.map(load => round(load, 2)),
		loadAverageAtEnd: os.loadavg().map(load => round(load, 2)),
		priority,
	};
}

type Cell = (result: SizeResult) => string;

function cellOf<T>(value: Maybe<T> | undefined, show: (value: T) => string): string {
	if (value === undefined) return '—';
	return available(value) ? show(value) : (value as Unavailable).unavailable;
}

const ROWS: Array<[string, Cell]> = [
	['taille du fichier de suivi (Mo)', r => formatNumber(r.fileMb)],
	['report --json, processus entier (ms)', r => formatNumber(r.report.medianMs)],
	['plancher : node + JSON.parse (ms)', r => formatNumber(r.floor.medianMs)],
	['report / plancher', r => `${formatNumber(r.reportRatio, 2)}×`],
	['report / plancher, en temps CPU', r => (r.reportCpuRatio === undefined ? '—' : `${formatNumber(r.reportCpuRatio, 2)}×`)],
	['report : mémoire max (Mo)', r => formatNumber(r.report.peakMb)],
	['plancher : mémoire max (Mo)', r => formatNumber(r.floor.peakMb)],
	['calcul du tri seul (ms, médiane)', r => formatNumber(r.compute.medianMs)],
	['calcul du tri, premier appel (ms)', r => formatNumber(r.compute.firstMs)],
	['échéances d’un·e référent·e (ms, médiane)', r => cellOf(r.echeances, v => formatNumber(v.referentMs))],
	['échéances de tout le fichier (ms, médiane)', r => cellOf(r.echeances, v => formatNumber(v.everyoneMs))],
	['echeances --json, processus entier (ms)', r => cellOf(r.echeances, v => formatNumber(v.json.medianMs))],
	['echeances / plancher', r => cellOf(r.echeances, v => `${formatNumber(v.ratio, 2)}×`)],
	['echeances / plancher, en temps CPU', r => cellOf(r.echeances, v => (v.cpuRatio === undefined ? '—' : `${formatNumber(v.cpuRatio, 2)}×`))],
	['import classeur d’échange (ms)', r => cellOf(r.importWorkbook, v => formatNumber(v.importMs))],
	['lecture exceljs en flux seule (ms)', r => cellOf(r.importWorkbook, v => formatNumber(v.walkMs))],
	['import / lecture', r => cellOf(r.importWorkbook, v => `${formatNumber(v.ratio, 2)}×`)],
	['import : mémoire max (Mo)', r => cellOf(r.importWorkbook, v => formatNumber(v.importPeakMb))],
	['export --cellule (ms)', r => cellOf(r.exportCellule, v => formatNumber(v.medianMs))],
	['bilan --json sur un an, processus entier (ms)', r => cellOf(r.bilan, v => formatNumber(v.medianMs))],
	['bilan / plancher (même alternance)', r => cellOf(r.bilan, v => `${formatNumber(v.ratio, 2)}×`)],
	['bilan / plancher, en temps CPU', r => cellOf(r.bilan, v => (v.cpuRatio === undefined ? '—' : `${formatNumber(v.cpuRatio, 2)}×`))],
	['bilan : tableau le plus lent (ms, médiane)', r => cellOf(r.bilan, v => `${formatNumber(v.slowestTableMs)} (${v.slowestTable})`)],
	['tableau de bord : 1re image (ms)', r => cellOf(r.dashboard, v => formatNumber(v.firstFrameMs))],
	['1re image, Ink en mémoire, sans meow (ms)', r => cellOf(r.dashboard, v => formatNumber(v.firstFrameInMemoryMs))],
	['touche → image, file de 5 000 (ms, méd.)', r => cellOf(r.dashboard, v => formatNumber(v.keypressMedianMs))],
	['touche → image (ms, 95e centile)', r => cellOf(r.dashboard, v => formatNumber(v.keypressP95Ms))],
	...(WITH_POSTGRES
		? ([
				['PostgreSQL : report --json (ms)', r => cellOf(r.postgres, v => formatNumber(v.report.medianMs))],
				['report base / report fichier', r => cellOf(r.postgres, v => `${formatNumber(v.reportRatio, 2)}×`)],
				['PostgreSQL : une modification (ms, méd.)', r => cellOf(r.postgres, v => formatNumber(v.edit.medianMs, 1))],
				['PostgreSQL : 1re image (ms)', r => cellOf(r.postgres, v => formatNumber(v.firstFrameMs))],
				['PostgreSQL : db copy du fichier (ms)', r => cellOf(r.postgres, v => formatNumber(v.copyMs))],
			] as Array<[string, Cell]>)
		: []),
];

function table(results: readonly SizeResult[]): string {
	const header = ['mesure', ...results.map(r => `${formatNumber(r.participants, 0)} pers.`)];
	const body = ROWS.map(([label, cell]) => [label, ...results.map(cell)]);
	const widths = header.map((_, i) => Math.max(...[header, ...body].map(row => row[i]!.length)));
	const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
	return [line(header), widths.map(w => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function budgetValue(results: readonly SizeResult[], id: string, size: number): number | undefined {
	const r = results.find(result => result.participants === size);
	if (!r) return undefined;
	switch (id) {
		case 'report-ratio':
			return r.reportRatio;
		case 'compute':
			return r.compute.medianMs;
		case 'import-ratio':
			return available(r.importWorkbook) ? r.importWorkbook.ratio : undefined;
		case 'import-memory':
			return available(r.importWorkbook) ? r.importWorkbook.importPeakMb : undefined;
		case 'export':
			return available(r.exportCellule) ? r.exportCellule.medianMs : undefined;
		case 'first-frame':
			return available(r.dashboard) ? r.dashboard.firstFrameMs : undefined;
		case 'keypress':
			return available(r.dashboard) ? r.dashboard.keypressMedianMs : undefined;
		case 'report-memory':
			return r.report.peakMb;
		case 'bilan-ratio':
			return available(r.bilan) ? r.bilan.ratio : undefined;
		case 'bilan-table':
			return available(r.bilan) ? r.bilan.slowestTableMs : undefined;
		case 'echeances-compute':
			return available(r.echeances) ? r.echeances.referentMs : undefined;
		case 'echeances-ratio':
			return available(r.echeances) ? r.echeances.ratio : undefined;
		case 'pg-report-ratio':
			return available(r.postgres) ? r.postgres.reportRatio : undefined;
		case 'pg-edit':
			return available(r.postgres) ? r.postgres.edit.medianMs : undefined;
		case 'pg-first-frame':
			return available(r.postgres) ? r.postgres.firstFrameMs : undefined;
		default:
			return undefined;
	}
}

function budgetLines(budgets: readonly BudgetResult[]): string {
	return budgets
		.map(b => {
			const mark = b.verdict === 'ok' ? 'ok     ' : b.verdict === 'dépassé' ? 'DÉPASSÉ' : 'NON MESURÉ';
			const value = b.value === undefined ? '—' : `${formatNumber(b.value, b.unit === '×' ? 2 : undefined)} ${b.unit}`;
			return `  ${mark}  ${b.label} à ${formatNumber(b.size, 0)} : ${value} (budget ≤ ${formatNumber(b.limit, b.unit === '×' ? 1 : 0)} ${b.unit})`;
		})
		.join('\n');
}

const startedAt = new Date();
const startLoad = os.loadavg();
const results: SizeResult[] = [];
for (const size of SIZES) results.push(await measureSize(size));
const budgets = checkBudgets(
	b => (SIZES.includes(b.size) ? budgetValue(results, b.id, b.size) : undefined),
	WITH_POSTGRES ? [...BUDGETS, ...POSTGRES_BUDGETS] : BUDGETS,
);
const checked = budgets.filter(b => SIZES.includes(b.size));
const passed = checked.every(b => b.verdict === 'ok');
const host = machine();

const output = [
	`plie-triage — banc d’essai du ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (données inventées, graine ${BENCH_SEED}, jour ${TODAY})`,
	`machine : ${host.cpu}, ${host.cores} cœurs, ${host.memoryGb} Go, Node ${host.node}, ${host.os}`,
	`charge (1, 5, 15 min) au départ ${host.loadAverage.join(' ')}, à la fin ${host.loadAverageAtEnd.join(' ')} ; priorité ${host.priority}`,
	'',
	table(results),
	'',
	'Budgets :',
	budgetLines(checked),
	'',
	passed ? 'Tous les budgets sont tenus.' : 'Au moins un budget n’est pas tenu.',
].join('\n');
process.stdout.write(output + '\n');

mkdirSync(path.dirname(flags.out), {recursive: true});
writeFileSync(
	flags.out,
	JSON.stringify({date: startedAt.toISOString(), machine: host, seed: BENCH_SEED, today: TODAY, sizes: results, budgets: checked, passed}, null, 2) + '\n',
	{mode: 0o600},
);
log(`résultats : ${path.relative(process.cwd(), flags.out)}`);
if (!flags.keep) rmSync(workDir, {recursive: true, force: true});
process.exitCode = passed ? 0 : 1;
