// The layers of the README's architecture: domain ← store ← io ← ui ← commands ← cli.
// Each folder imports only from itself and the layers before it (issue 13: `ui` had
// come to import a message from `commands`).
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

const LAYERS = ['domain', 'store', 'io', 'ui', 'commands'] as const;
const SOURCE = path.join(ROOT, 'source');

function files(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true, recursive: true})
		.filter(entry => entry.isFile() && /\.tsx?$/.test(entry.name))
		.map(entry => path.join(entry.parentPath, entry.name));
}

/** The layer folders a file imports from (static and dynamic imports, relative paths). */
function importedLayers(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const layers = new Set<string>();
	for (const match of text.matchAll(/(?:from\s+|import\()\s*'(\.[^']+)'/g)) {
		const target = path.relative(SOURCE, path.resolve(path.dirname(file), match[1]!));
		layers.add(target.split(path.sep)[0]!);
	}
	return [...layers];
}

describe('the layers', () => {
	for (const [rank, layer] of LAYERS.entries()) {
		it(`${layer} imports only from ${LAYERS.slice(0, rank + 1).join(', ')}`, () => {
			const allowed = new Set<string>(LAYERS.slice(0, rank + 1));
			const wrong = files(path.join(SOURCE, layer)).flatMap(file =>
				importedLayers(file)
					.filter(target => (LAYERS as readonly string[]).includes(target) && !allowed.has(target))
					.map(target => `${path.relative(SOURCE, file)} → ${target}`),
			);
			expect(wrong).toEqual([]);
		});
	}
});
