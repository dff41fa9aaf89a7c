import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
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

  it('with a least gap, a wake during a run waits for the gap and a wake after a quiet spell runs at once (the audit chainer, woken per staging commit)', async () => {
    const starts: number[] = [];
    const pump = new Pump(
      'test',
      async () => {
        starts.push(Date.now());
        await sleep(10);
      },
      null,
      200,
    );
    pump.start();
    pump.wake(); // during the first run: a second run, 200 ms after the first started
    await sleep(400);
    expect(starts).toHaveLength(2);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(195);

    const woken = Date.now(); // more than the gap after the last start: no wait
    pump.wake();
    await sleep(50);
    expect(starts).toHaveLength(3);
    expect(starts[2] - woken).toBeLessThan(50);
    await pump.stop();
  });
});
