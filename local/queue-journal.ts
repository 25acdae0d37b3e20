import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SqsMessageAttributeValue } from './sqs-message';

/** A message as the journal keeps it: what SQS keeps for it, so a restart delivers it as SQS would. */
export interface JournaledMessage {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, SqsMessageAttributeValue>>;
  readonly messageGroupId?: string;
  readonly sentAt: number;
  readonly receiveCount: number;
  readonly firstReceivedAt?: number;
  readonly visibleAt: number;
}

/** One line of the journal: a sent message, a receive (its new count), or a delete (processed or dead-lettered). */
type Entry =
  | { readonly s: JournaledMessage }
  | { readonly r: string; readonly n: number; readonly f: number }
  | { readonly d: string };

type Pending =
  | { readonly text: string; readonly durable: boolean; readonly done: () => void; readonly failed: (err: unknown) => void }
  | { readonly task: () => Promise<void>; readonly done: () => void; readonly failed: (err: unknown) => void };

/**
 * The local queue's write-ahead journal: one JSON line per send, receive and delete, appended to one file. A send is
 * fsynced before it resolves (so the events endpoint answers 2xx only for an event on disk); receives and deletes
 * are written without waiting for the disk: losing a delete in a crash only redelivers a message, which the
 * processor tolerates (events are deduplicated by CloudTrail eventID), and losing a receive only undercounts it. Writes are grouped: every send waiting while the disk
 * syncs shares the next fsync (group commit), so durability costs one fsync per group, not per event.
 *
 * `recover` reads what a previous process left (a torn last line, from a crash mid-write, is ignored), compacts the
 * file to the live messages, and returns them.
 */
export class QueueJournal {
  private handle: FileHandle | undefined;
  private pending: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private appended = 0;
  private closed = false;

  private constructor(private readonly path: string) {}

  /** Opens (creating) the journal at `path` and returns it with the messages still to deliver, in send order. */
  static async recover(path: string): Promise<{ journal: QueueJournal; messages: JournaledMessage[] }> {
    mkdirSync(dirname(path), { recursive: true });
    const messages = existsSync(path) ? replay(readFileSync(path, 'utf8')) : [];
    writeCompacted(path, messages);
    const journal = new QueueJournal(path);
    journal.handle = await open(path, 'a');
    return { journal, messages };
  }

  /** Resolves once the message is on disk (fsynced). */
  sent(message: JournaledMessage): Promise<void> {
    return this.write({ s: message }, true);
  }

  received(messageId: string, receiveCount: number, firstReceivedAt: number): void {
    this.write({ r: messageId, n: receiveCount, f: firstReceivedAt }, false).catch(() => undefined);
  }

  deleted(messageId: string): void {
    this.write({ d: messageId }, false).catch(() => undefined);
  }

  /**
   * Rewrites the file with only `live` (the queue's messages not yet deleted, as they are now), so the journal does
   * not grow without bound. Runs after every write already requested; later writes go to the new file.
   */
  compact(live: readonly JournaledMessage[]): Promise<void> {
    const snapshot = [...live];
    this.appended = 0;
    return this.enqueue(async () => {
      await this.handle?.close();
      writeCompacted(this.path, snapshot);
      this.handle = await open(this.path, 'a');
    });
  }

  /** Entries appended since the last compaction (a compaction is worth it past a few thousand). */
  get appendedSinceCompaction(): number {
    return this.appended;
  }

  /** Writes what is pending, syncs, and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.enqueue(async () => {
      await this.handle?.sync();
      await this.handle?.close();
      this.handle = undefined;
    });
    this.closed = true;
  }

  private write(entry: Entry, durable: boolean): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The queue journal is closed'));
    this.appended++;
    return new Promise<void>((done, failed) => {
      this.pending.push({ text: `${JSON.stringify(entry)}\n`, durable, done, failed });
      this.kick();
    });
  }

  /** Runs `task` after the writes requested before it (one writer: the file is only ever touched in order). */
  private enqueue(task: () => Promise<void>): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.pending.push({ task, done, failed });
      this.kick();
    });
  }

  private kick(): void {
    this.flushing ??= this.flush().finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0) this.kick();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const head = this.pending[0];
      if ('task' in head) {
        this.pending.shift();
        await head.task().then(head.done, head.failed);
        continue;
      }
      // The writes up to the next task go out in one append and share one sync.
      const end = this.pending.findIndex((p) => 'task' in p);
      const group = this.pending.splice(0, end < 0 ? this.pending.length : end) as Array<Extract<Pending, { text: string }>>;
      try {
        if (!this.handle) throw new Error('The queue journal is closed');
        await this.handle.appendFile(group.map((p) => p.text).join(''));
        if (group.some((p) => p.durable)) await this.handle.datasync();
        for (const p of group) p.done();
      } catch (err) {
        for (const p of group) p.failed(err);
      }
    }
  }
}

function replay(text: string): JournaledMessage[] {
  const live = new Map<string, JournaledMessage>();
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    let entry: Entry;
    try {
      entry = JSON.parse(line) as Entry;
    } catch {
      continue; // a line torn by a crash mid-write: its send was never acknowledged
    }
    if ('s' in entry) live.set(entry.s.messageId, entry.s);
    else if ('r' in entry) {
      const m = live.get(entry.r);
      if (m) live.set(entry.r, { ...m, receiveCount: Math.max(m.receiveCount, entry.n), firstReceivedAt: m.firstReceivedAt ?? entry.f });
    } else if ('d' in entry) live.delete(entry.d);
  }
  return [...live.values()];
}

/** Writes the live messages to a new file, syncs it, and renames it over the journal (atomic on POSIX). */
function writeCompacted(path: string, messages: readonly JournaledMessage[]): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    if (messages.length > 0) writeSync(fd, messages.map((s) => `${JSON.stringify({ s })}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  syncDirectory(dirname(path));
}

/** The rename is durable only once the directory entry is (Linux; other platforms may refuse to open a directory). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (e.g. Windows): the rename is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
