// A tiny zip writer for hostile workbooks: every field a reader trusts can be
// set wrong on purpose (CRC, sizes, the end record left out). Entries are stored
// or deflated with Node's zlib. Written from the zip specification (APPNOTE 4.3.7,
// 4.3.12, 4.3.16), without zip64.
import {crc32, deflateRawSync} from 'node:zlib';

export interface ZipEntry {
	readonly name: string;
	readonly data: Buffer | string;
	/** default 'deflate' */
	readonly method?: 'store' | 'deflate';
	/** lies told in the headers (local and central alike) */
	readonly crc?: number;
	readonly uncompressedSize?: number;
	readonly compressedSize?: number;
	/** bytes used as the compressed data instead of the real ones */
	readonly rawData?: Buffer;
}

export interface ZipOptions {
	/** leave out the end-of-central-directory record (a file cut short at the end) */
	readonly noEndRecord?: boolean;
}

export function zipBytes(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
		const method = entry.method === 'store' ? 0 : 8;
		const compressed = entry.rawData ?? (method === 8 ? deflateRawSync(data, {level: 1}) : data);
		const name = Buffer.from(entry.name, 'utf8');
		const crc = (entry.crc ?? crc32(data)) >>> 0;
		const size = entry.uncompressedSize ?? data.length;
		const csize = entry.compressedSize ?? compressed.length;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(csize, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(method, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(csize, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, compressed);
		centrals.push(central, name);
		offset += local.length + name.length + compressed.length;
	}
	const directory = Buffer.concat(centrals);
	const parts = [...locals, directory];
	if (!options.noEndRecord) {
		const end = Buffer.alloc(22);
		end.writeUInt32LE(0x06054b50, 0);
		end.writeUInt16LE(entries.length, 8);
		end.writeUInt16LE(entries.length, 10);
		end.writeUInt32LE(directory.length, 12);
		end.writeUInt32LE(offset, 16);
		parts.push(end);
	}
	return Buffer.concat(parts);
}
