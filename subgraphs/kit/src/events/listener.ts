import pg from 'pg';

/**
 * LISTEN on the store's events channel with a dedicated connection (a pooled one would lose the
 * subscription when returned). Notifications are a hint, not a record: one sent while the
 * connection was down is lost, which is why every pump also polls, and why a reconnect calls
 * `onNotify(null)`: everyone runs a pass for what was committed while the connection was deaf.
 */
export class NotifyListener {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly channel: string,
    /** With the notifying table (each trigger's payload), or null after a reconnect. */
    private readonly onNotify: (table: string | null) => void,
    private readonly reconnectMs: number,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client(this.connection);
    client.on('notification', (message) => this.onNotify(message.payload ?? null));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`listen ${pg.escapeIdentifier(this.channel)}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private lost(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retry = setTimeout(() => {
      if (this.stopped) return;
      this.start()
        .then(() => this.onNotify(null)) // catch up on what was committed while deaf
        .catch(() => this.scheduleReconnect());
    }, this.reconnectMs);
    this.retry.unref();
  }
}
