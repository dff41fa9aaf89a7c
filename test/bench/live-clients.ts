/**
 * The client side of `bench live`, in a process of its own so that the gateway's process holds
 * only the server side of each socket: opens the sockets (graphql-ws over ws), subscribes each to
 * one customer's balance, then records the commit-to-client latency of every event, and the same
 * for one plain Redis subscriber on the channel (the reference). Driven over IPC by live.bench.ts.
 */
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';

interface Start {
  url: string;
  channel: string;
  redisUrl: string;
  /** One token per customer; socket i uses token i % tokens.length. */
  tokens: string[];
  sockets: number;
  concurrency: number;
}

const QUERY = 'subscription { pointsBalanceChanged { balance delta committedAt customer { id } } }';

const clients: Client[] = [];
const latencies: number[] = [];
const reference: number[] = [];
let measuring = false;

function send(message: object): void {
  process.send!(message);
}

async function open(start: Start): Promise<void> {
  let next = 0;
  let ready = 0;
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const client = createClient({
        url: start.url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${start.tokens[i % start.tokens.length]}` },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: reject,
      });
      clients.push(client);
      let first = true;
      client.subscribe<{ pointsBalanceChanged: { committedAt: string } }>(
        { query: QUERY },
        {
          next: (result) => {
            if (first) {
              first = false;
              ready++;
              resolve();
              return;
            }
            if (measuring && result.data) latencies.push(Date.now() - Date.parse(result.data.pointsBalanceChanged.committedAt));
          },
          error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: () => {},
        },
      );
    });
  const worker = async () => {
    while (next < start.sockets) await one(next++);
  };
  await Promise.all(Array.from({ length: start.concurrency }, worker));
  send({ type: 'ready', ready });
}

async function main(): Promise<void> {
  let subscriber: Redis | null = null;
  process.on('message', (message: { type: string } & Partial<Start>) => {
    if (message.type === 'start') {
      const start = message as Start;
      subscriber = new Redis(start.redisUrl);
      subscriber.subscribe(start.channel).then(
        () => open(start),
        (error: Error) => send({ type: 'failed', error: error.message }),
      ).catch((error: Error) => send({ type: 'failed', error: error.message }));
      subscriber.on('message', (_channel: string, raw: string) => {
        if (measuring) reference.push(Date.now() - Date.parse((JSON.parse(raw) as { committedAt: string }).committedAt));
      });
    } else if (message.type === 'measure') {
      measuring = true;
    } else if (message.type === 'stop') {
      measuring = false;
      send({ type: 'figures', latencies, reference });
      subscriber?.disconnect();
      Promise.all(clients.map((c) => c.dispose())).finally(() => process.exit(0));
    }
  });
  send({ type: 'up' });
}

void main();
