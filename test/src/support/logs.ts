import { captureLogs } from '@loyalnest/kit';
import { Writable } from 'node:stream';

/** Every structured log line written until `stop()`, parsed, wherever the runtimes were logging before. */
export function captureLogLines(): { lines: Record<string, unknown>[]; stop(): void } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  captureLogs(stream);
  return { lines, stop: () => captureLogs(null) };
}
