// `npm run readme:keys`: writes the README's table of keys from the keymap
// (test/ui/keysTable.test.ts fails while the README's copy differs).
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {withKeysTable} from '../ui/keysTable.js';

const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const updated = withKeysTable(readFileSync(readmePath, 'utf8'));
if (updated === undefined) {
	process.stderr.write('README.md : repères de la table des touches introuvables.\n');
	process.exit(1);
}
writeFileSync(readmePath, updated);
process.stdout.write('README.md : table des touches régénérée depuis source/ui/keymap.ts.\n');
