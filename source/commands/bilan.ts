// `plie-triage bilan --du DATE --au DATE | --semestre AAAA | --annee AAAA [--json] [--out FICHIER] [--force]`:
// the activity-report tables of REFERENTIEL §8 over a period, as JSON or as a workbook.
import {type Day, frenchDate} from '../domain/calendar.js';
import {type Bilan, type BilanPeriod, bilanJson, computeBilan, semesterPeriod, yearPeriod} from '../domain/bilan/index.js';
import {UsageError} from '../domain/errors.js';
import {readVisibleCaseload} from '../store/caseloadStore.js';
import {bilanWrittenMessage} from '../io/bilanWritten.js';
import {type CommandContext, requireCliDate, textFlag} from './context.js';

const PERIOD_HINT = 'précisez la période : --du AAAA-MM-JJ --au AAAA-MM-JJ, --semestre AAAA (1er janvier → 30 juin) ou --annee AAAA';

const periodFlag = (flags: Readonly<Record<string, unknown>>, name: string) => textFlag(flags, name, name, PERIOD_HINT)?.trim();

function requireYear(flag: string, text: string): number {
	if (!/^\d{4}$/.test(text) || Number(text) < 1900) {
		throw new UsageError(`--${flag} : année impossible « ${text} » (attendu AAAA, par exemple --${flag} 2026).`);
	}
	return Number(text);
}

/** The period the flags ask for; a usage error (exit 2) when it is missing, doubled or inverted. */
export function bilanPeriod(flags: Readonly<Record<string, unknown>>, today?: Day): BilanPeriod {
	const du = periodFlag(flags, 'du');
	const au = periodFlag(flags, 'au');
	const semestre = periodFlag(flags, 'semestre');
	const annee = periodFlag(flags, 'annee');
	const given = [du !== undefined || au !== undefined ? '--du/--au' : undefined, semestre && '--semestre', annee && '--annee'].filter(Boolean);
	if (given.length === 0) throw new UsageError(`bilan : ${PERIOD_HINT}.`);
	if (given.length > 1) throw new UsageError(`bilan : une seule période à la fois (${given.join(' et ')} donnés) ; ${PERIOD_HINT}.`);
	if (semestre !== undefined) return semesterPeriod(requireYear('semestre', semestre));
	if (annee !== undefined) return yearPeriod(requireYear('annee', annee));
	// « 01/01 » is this year's (a period is looked back on: neither bound looks ahead)
	const yearless = today === undefined ? undefined : {today};
	const from = requireCliDate('du', du, yearless);
	const to = requireCliDate('au', au, yearless);
	if (from === undefined) throw new UsageError('bilan : --au sans --du ; précisez le début de la période (--du AAAA-MM-JJ).');
	if (to === undefined) throw new UsageError('bilan : --du sans --au ; précisez la fin de la période (--au AAAA-MM-JJ).');
	if (from > to) throw new UsageError(`bilan : le début de la période (--du ${frenchDate(from)}) est après sa fin (--au ${frenchDate(to)}).`);
	return {from, to};
}

async function writeChunks(chunks: Iterable<string>): Promise<void> {
	for (const chunk of chunks) {
		if (!process.stdout.write(chunk)) await new Promise(resolve => process.stdout.once('drain', resolve));
	}
}

/**
 * The text of bilanJson(bilan), a table at a time and a row per line: a year at
 * 10,000 people holds some 60,000 ids, and JSON.stringify(…, null, 2) put each on
 * its own line (4.5 MB, a tenth of the command's time). The value is the same.
 */
export function* bilanJsonChunks(bilan: Bilan): Generator<string> {
	const {tables, ...head} = bilanJson({...bilan, tables: []});
	const opening = JSON.stringify({...head, tables: []}, null, 2);
	yield opening.slice(0, opening.lastIndexOf('[]')) + (bilan.tables.length === 0 ? '[]\n}\n' : '[\n');
	for (let t = 0; t < bilan.tables.length; t++) {
		const table = bilan.tables[t]!;
		// written out rather than JSON.stringify({…}) of a new object per row: 10,000 rows of the nominative list
		let body = '';
		for (let r = 0; r < table.rows.length; r++) {
			const row = table.rows[r]!;
			const id = JSON.stringify(row.id);
			const head = `${r === 0 ? '[\n        ' : ',\n        '}{"id":${id},"label":${JSON.stringify(row.label)},`;
			if (row.kind === 'value') body += `${head}"value":${JSON.stringify(row.value)}}`;
			// a row of the nominative list counts the person it is: the id written once
			else if (row.participants.length === 1 && row.participants[0] === row.id) body += `${head}"count":1,"participants":[${id}]}`;
			else body += `${head}"count":${row.participants.length},"participants":${JSON.stringify(row.participants)}}`;
		}
		body = body === '' ? '[]' : `${body}\n      ]`;
		const comma = t < bilan.tables.length - 1 ? ',' : '';
		yield `    {\n      "id": ${JSON.stringify(table.id)},\n      "title": ${JSON.stringify(table.title)},\n      "rows": ${body}\n    }${comma}\n`;
	}
	if (bilan.tables.length > 0) yield '  ]\n}\n';
}

export async function runBilan(context: CommandContext): Promise<void> {
	const {flags} = context;
	const period = bilanPeriod(flags, context.today);
	const out = flags.out === undefined ? undefined : String(flags.out);
	if (out !== undefined && out.trim() === '') throw new UsageError('--out : nom de fichier vide.');
	// never the store or one of its files, always an .xlsx name (exit 2 before anything is read)
	if (out !== undefined) await (await import('../store/outPath.js')).checkOutPath(out, {storePath: context.storePath, extension: '.xlsx', what: 'un classeur Excel'});
	// read-only: a file by the light reader (no lowdb, no zod when it is sound), or the base
	const {data, visible} = await readVisibleCaseload(context.storePath);
	const {requireKnownReferent} = await import('./referentCheck.js');
	const referent = requireKnownReferent(context.referent, data.participants, context.storePath);
	const bilan = computeBilan(data.participants, {...period, settings: data.settings, referent, visible});
	if (flags.json === true && out === undefined) return writeChunks(bilanJsonChunks(bilan));
	// the workbook first: a refused --out must not follow a whole JSON document on stdout
	const {writeBilanWorkbook} = await import('../io/bilanWorkbook.js');
	const file = await writeBilanWorkbook(bilan, {today: context.today, out, force: flags.force === true});
	const message = bilanWrittenMessage(file, period.from, period.to, bilan.tables.find(t => t.id === 'liste-nominative')!.rows.length);
	if (flags.json === true) await writeChunks(bilanJsonChunks(bilan));
	// with --json, stdout holds the JSON alone
	(flags.json === true ? process.stderr : process.stdout).write(message + '\n');
}
