/**
 * The events of one subscription, waiting for its socket. graphql-ws pulls the next event only
 * once the previous one is written to the socket, so a client that reads slower than events come
 * makes this queue grow: past `limit` the oldest event is dropped. Live messages carry absolute
 * figures (a balance, a status), so the newest one is always right and what is dropped is
 * history, never the current state; a socket that stops reading altogether misses its heartbeat
 * and is dropped.
 */
export class LiveQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;
  /** Events dropped because the consumer was too slow. */
  dropped = 0;

  constructor(
    private readonly limit: number,
    private readonly onClose: () => void,
  ) {}

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    this.items.push(item);
    if (this.items.length > this.limit) {
      this.items.shift();
      this.dropped++;
    }
  }

  /** Puts `item` first and drops the queued events that `keep` rejects (those it already reflects). */
  first(item: T, keep: (queued: T) => boolean): void {
    const kept = this.items.filter(keep);
    this.items.splice(0, this.items.length, item, ...kept.slice(kept.length - (this.limit - 1)));
    this.drain();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.items.length = 0;
      this.onClose();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<T>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private drain(): void {
    if (this.waiting && this.items.length) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: this.items.shift()!, done: false });
    }
  }
}
