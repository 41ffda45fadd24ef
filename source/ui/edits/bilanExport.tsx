// `E` on the « Bilan » screen: the bilan shown written as its workbook, after a
// question naming the file and its folder; « Remplacer ? » when the file exists
// (it may be open in Excel); the message says where it was written. The workbook
// has no discreet version (its nominative list and « Personnes » sheet name
// everyone): in discrétion mode the question says so before anything is written.
import {referentsShown} from '../../domain/visibility.js';
import path from 'node:path';
import React from 'react';
import type {Day} from '../../domain/calendar.js';
import {visibleLines} from '../../domain/text.js';
import {bilanWrittenMessage} from '../../io/bilanWritten.js';
import type {Selection} from '../App.js';
import {periodText} from '../bilan/bilanPeriod.js';
import type {EditTools} from '../Dashboard.js';
import {Confirm} from './Confirm.js';
import {Notice} from './Notice.js';

export interface BilanExportOptions {
	readonly today: Day;
	/** where the workbook goes (default: the current folder) */
	readonly directory?: string;
	/** the store file, whose family no export may replace; undefined for a base */
	readonly storeFile?: string;
}

const DISCRETION_NOTE = 'Mode discrétion : le classeur du bilan n’a pas de version discrète ; sa liste nominative et sa feuille « Personnes » donnent les noms en entier.';

export async function exportBilan(selection: Selection, tools: EditTools, options: BilanExportOptions): Promise<void> {
	const {bilan} = selection;
	if (!bilan) {
		tools.say('E : ouvrez le bilan (b depuis le tableau de bord) pour écrire son classeur.');
		return;
	}
	const {writeBilanWorkbook, defaultBilanFileName, BilanFileExistsError} = await import('../../io/bilanWorkbook.js');
	const name = defaultBilanFileName(bilan);
	const out = options.directory === undefined ? name : path.join(options.directory, name);
	const folder = path.dirname(path.resolve(out));
	const accompanied = bilan.tables.find(table => table.id === 'liste-nominative')?.rows.length ?? 0;

	const write = async (force: boolean): Promise<void> => {
		tools.say(`Écriture de ${name}…`);
		try {
			// never the store or one of its files (a store named like the workbook)
			if (options.storeFile !== undefined) {
				await (await import('../../store/outPath.js')).checkOutPath(out, {storePath: options.storeFile, extension: '.xlsx', what: 'un classeur Excel'});
			}
			const file = await writeBilanWorkbook(bilan, {today: options.today, out, force});
			tools.say(undefined);
			tools.openPanel(<Notice title="Bilan d’activité" text={visibleLines(bilanWrittenMessage(path.resolve(file), bilan.from, bilan.to, accompanied))} onClose={tools.closePanel} />);
		} catch (error) {
			tools.say(undefined);
			if (error instanceof BilanFileExistsError && !force) {
				tools.openPanel(
					<Confirm
						question={visibleLines(`${path.resolve(error.file)} existe déjà (il est peut-être ouvert dans Excel). Remplacer ? (o/n)`)}
						onYes={() => write(true)}
						onNo={() => {
							tools.closePanel();
							tools.say('Fichier non remplacé : le bilan n’a pas été écrit.');
						}}
					/>,
				);
				return;
			}
			tools.openPanel(<Notice title="Classeur du bilan non écrit" text={visibleLines((error as Error).message)} alarm onClose={tools.closePanel} />);
		}
	};

	const question = [
		`Écrire le bilan ${periodText(bilan)} (${referentsShown(bilan.referent, bilan.visible) ?? 'tous les référent·es'}) dans ${name} ?`,
		`Dossier : ${folder}`,
		...(selection.discretion ? [DISCRETION_NOTE] : []),
		'(o/n)',
	].join('\n');
	tools.openPanel(
		<Confirm
			question={visibleLines(question)}
			onYes={() => write(false)}
			onNo={() => {
				tools.closePanel();
				tools.say('Bilan non écrit.');
			}}
		/>,
	);
}
