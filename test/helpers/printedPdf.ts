// A workbook printed as a person would: LibreOffice converts it to PDF, poppler's
// pdftotext reads each page back, and the font sizes are read from the PDF's own
// text operators (`/F1 8.1 Tf`: LibreOffice writes the size after scaling).
import {spawnSync} from 'node:child_process';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {inflateSync} from 'node:zlib';

/** What is missing to print here (undefined when soffice and pdftotext both run). */
export function missingPrintTools(): string | undefined {
	const runs = (command: string, args: string[]) => {
		const result = spawnSync(command, args, {stdio: 'ignore', timeout: 60_000});
		return result.error === undefined && result.status === 0;
	};
	if (!runs('soffice', ['--version'])) return 'LibreOffice (soffice)';
	if (!runs('pdftotext', ['-v'])) return 'pdftotext (poppler-utils)';
	return undefined;
}

/** Converts workbooks to PDF beside them, with a private LibreOffice profile (other instances may be running). */
export function convertToPdf(files: readonly string[], workDir: string): string[] {
	const profile = path.join(workDir, 'lo-profile');
	const result = spawnSync(
		'soffice',
		[`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', workDir, ...files],
		{encoding: 'utf8', timeout: 900_000},
	);
	if (result.status !== 0) throw new Error(`soffice a échoué (${result.status}) : ${result.stderr}`);
	return files.map(file => path.join(workDir, `${path.basename(file, path.extname(file))}.pdf`));
}

/** Each page's text, laid out as on paper. */
export function pdfPages(pdf: string): string[] {
	const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {encoding: 'utf8', maxBuffer: 512 * 1024 * 1024});
	if (result.status !== 0) throw new Error(`pdftotext a échoué : ${result.stderr}`);
	const pages = result.stdout.split('\f');
	if (pages.at(-1)!.trim() === '') pages.pop();
	return pages;
}

/** Every font size a text is drawn at, from the `Tf` operators of the PDF's content streams. */
export async function pdfFontSizes(pdf: string): Promise<number[]> {
	const bytes = await fs.readFile(pdf);
	const text = bytes.toString('latin1');
	const sizes: number[] = [];
	const stream = /stream\r?\n/g;
	for (let match = stream.exec(text); match !== null; match = stream.exec(text)) {
		const start = match.index + match[0].length;
		const end = text.indexOf('endstream', start);
		let content: string;
		try {
			content = inflateSync(bytes.subarray(start, end)).toString('latin1');
		} catch {
			content = text.slice(start, end); // not compressed (or not a content stream)
		}
		for (const operator of content.matchAll(/\/[\w+-]+\s+(-?[\d.]+)\s+Tf\b/g)) sizes.push(Number(operator[1]));
	}
	return sizes;
}
