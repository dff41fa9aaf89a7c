/**
 * Gathers items handed over one at a time into batches: a batch goes once `size` items wait, or
 * `lingerMs` after its first one arrived, whichever comes first. Each `add` resolves with its own
 * item's result. BullMQ (open source) has no batch API, so a worker of concurrency ≥ `size` hands
 * each job to one of these and holds the job (its lock renewed) until its batch has run.
 */
export class EventBatcher<T, R> {
  private waiting: { item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly size: number,
    private readonly lingerMs: number,
    /** Runs one batch; returns one result per item, in order. */
    private readonly run: (items: T[]) => Promise<R[]>,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.size) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = [];
    if (!batch.length) return;
    this.run(batch.map((entry) => entry.item)).then(
      (results) => batch.forEach((entry, i) => entry.resolve(results[i])),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  }
}
