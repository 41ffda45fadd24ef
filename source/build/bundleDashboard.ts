// Build step after tsc: bundles the dashboard command into dist/bundle/. Node 20
// loads Ink as ~150 separate ES modules, which cost ~400 ms before the first frame;
// one bundled file loads in ~110 ms. Only the dashboard is bundled: `report` stays
// plain modules (it never loads Ink), and the tests run the sources.
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {build} from 'esbuild';

const dist = fileURLToPath(new URL('..', import.meta.url));
const stub = path.join(dist, 'build', 'devtoolsStub.js');

// chunk names carry content hashes: start clean so stale chunks do not pile up
rmSync(path.join(dist, 'bundle'), {recursive: true, force: true});

await build({
	entryPoints: {dashboard: path.join(dist, 'commands', 'dashboard.js')},
	outdir: path.join(dist, 'bundle'),
	bundle: true,
	// dynamic imports (demo writer, holidays, edits…) stay separate chunks, loaded when needed
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	define: {'process.env.NODE_ENV': '"production"'},
	// exceljs loads from node_modules at the first `E`: bundled here it would count as
	// our own code for Node, which then prints its DEP0005 (new Buffer()) over the screen
	external: ['exceljs'],
	// Ink imports React DevTools only when DEV=true; its package is not installed
	alias: {'react-devtools-core': stub},
	// CommonJS packages inside an ES bundle call require()
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	logLevel: 'warning',
});
