import { describe, expect, it } from '@jest/globals';
import { Pump } from '../../subgraphs/kit/src/events/pump.js';

/** The kit's scheduler of background steps (relays, consumers' retries, periodic jobs). */
describe('pump', () => {
  it('aborts the running step\'s signal on stop and waits for the step to return', async () => {
    const signals: AbortSignal[] = [];
    let returned = false;
    const pump = new Pump(
      'test',
      async (signal) => {
        signals.push(signal);
        // A step in the middle of a batch: it finishes its item, then sees the abort.
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        returned = true;
      },
      null,
    );
    pump.start();
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(false);
    await pump.stop();
    expect(signals[0].aborted).toBe(true);
    expect(returned).toBe(true);
    // Stopped: a wake runs nothing more.
    pump.wake();
    expect(signals).toHaveLength(1);
  });

  it('drops wakes before it is started, then runs one pass for a burst of wakes during a run', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const pump = new Pump(
      'test',
      async () => {
        runs++;
        await new Promise<void>((resolve) => (release = resolve));
      },
      null,
    );
    pump.wake();
    expect(runs).toBe(0);
    pump.start();
    expect(runs).toBe(1);
    pump.wake();
    pump.wake();
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(2);
    release();
    await pump.stop();
    expect(runs).toBe(2);
  });
});
