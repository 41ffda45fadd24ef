// The dashboard with its real edit handler on a temporary store file: keys are
// typed as a person would, and the file is read back to see what was saved.
import {render} from 'ink-testing-library';
import React from 'react';
import {toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import type {Settings} from '../../source/domain/settings.js';
import {EditSession} from '../../source/store/editSession.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {Dashboard} from '../../source/ui/Dashboard.js';
import {createEditHandler} from '../../source/ui/edits/editHandler.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';
import {KEYS, settled} from './renderApp.js';

export interface Editor {
	readonly dir: string;
	readonly file: string;
	readonly frame: () => string;
	readonly press: (...keys: string[]) => Promise<string>;
	/** types keys without waiting for their saves (to see the screen while they are under way) */
	readonly type: (...keys: string[]) => Promise<string>;
	/** waits for the saves under way, then returns the screen */
	readonly saved: () => Promise<string>;
	/** the participant as stored in the file now */
	readonly disk: (id: string) => Promise<Participant>;
	readonly session: EditSession;
	/** the edit handler (its storeNotice receives the store's notices, as in the command) */
	readonly handler: ReturnType<typeof createEditHandler>;
	/** the screen once it shows `text` (a workbook takes a moment to write) */
	readonly waitFor: (text: string) => Promise<string>;
	readonly close: () => Promise<void>;
}

export async function renderEditor(
	participants: readonly Participant[],
	/** `visible`: a session that shows only these référent·es' people, as a référent login on a base */
	options: {today?: string; queue?: string; settings?: Partial<Settings>; watchMs?: number; visible?: readonly string[]} = {},
): Promise<Editor> {
	const today = toDay(options.today ?? '2026-11-22');
	const {dir, file} = await createTempStore('plie-edits-', participants, options.settings);
	const data = (await readStoreFile(file)).data;
	const session = new EditSession(file, data);
	if (options.visible !== undefined) Object.defineProperty(session, 'visible', {value: options.visible});
	const editor = createEditHandler({session, today, directory: dir});
	const instance = render(
		<Dashboard
			initialParticipants={data.participants}
			initialSettings={data.settings}
			storePath={file}
			today={today}
			queue={options.queue}
			visible={session.visible}
			color={false}
			onEdit={editor}
			onStart={tools => editor.watch(tools, options.watchMs ?? 100)}
			saveStatus={editor.saveStatus}
		/>,
	);
	const stdout = instance.stdout as unknown as NodeJS.WriteStream & {emit: (event: string) => boolean};
	Object.defineProperty(stdout, 'columns', {value: 80, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: 24, configurable: true});
	stdout.emit('resize');
	await settled(instance.lastFrame);
	const frame = () => instance.lastFrame() ?? '';
	// the session saves one change after the other: a reload queued behind them waits for them all
	const saved = async () => {
		await session.reloadIfChanged().catch(() => false);
		return settled(instance.lastFrame);
	};
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await settled(instance.lastFrame, key === KEYS.escape ? 80 : 30);
			await saved();
		}
		return frame();
	};
	const type = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await settled(instance.lastFrame, 30);
		}
		return frame();
	};
	return {
		dir,
		file,
		frame,
		press,
		type,
		saved,
		session,
		handler: editor,
		waitFor: async text => {
			for (let waited = 0; waited < 15_000 && !frame().includes(text); waited += 50) await new Promise(resolve => setTimeout(resolve, 50));
			return settled(instance.lastFrame);
		},
		disk: async id => (await readStoreFile(file)).data.participants.find(p => p.id === id)!,
		close: async () => {
			instance.unmount();
			await removeTempDir(dir);
		},
	};
}
