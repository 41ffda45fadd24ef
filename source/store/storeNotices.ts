// What the store layer has to tell the person while it works, without knowing
// where they look: a lock held by someone else (« fichier occupé par … », until
// it is free), a lock or a write a dead process left behind and taken over. The
// command line prints them on stderr (the default); the dashboard shows them in
// its status line instead (it sets its own sink while Ink draws the screen).

import {visibleText} from '../domain/text.js';

export type StoreNotice =
	/** waiting for another writer: shown until `free` */
	| {readonly kind: 'busy'; readonly text: string}
	/** the wait is over */
	| {readonly kind: 'free'}
	/** something done on the person's behalf (a stale lock taken over, an interrupted write settled) */
	| {readonly kind: 'notice'; readonly text: string};

export type StoreNoticeSink = (notice: StoreNotice) => void;

const toStderr: StoreNoticeSink = notice => {
	if (notice.kind !== 'free') process.stderr.write(`plie-triage : ${visibleText(notice.text)}\n`);
};

let sink: StoreNoticeSink = toStderr;

/** Replaces where notices go; returns the previous sink (to put it back). */
export function setStoreNoticeSink(next: StoreNoticeSink): StoreNoticeSink {
	const previous = sink;
	sink = next;
	return previous;
}

export function storeNotice(notice: StoreNotice): void {
	try {
		sink(notice);
	} catch {
		// telling must never break a write
	}
}
