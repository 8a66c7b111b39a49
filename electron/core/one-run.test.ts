import { expect, it } from 'vitest';
import { OneRun } from './one-run';

it('answers the run under way to whoever asks meanwhile, and starts a new one once it has settled', async () => {
  const one = new OneRun();
  let finish = () => {};
  let runs = 0;
  const work = () => {
    runs += 1;
    return new Promise<void>((resolve) => (finish = resolve));
  };
  const first = one.run(work);
  const second = one.run(work);
  expect(second).toBe(first);
  expect(runs).toBe(1);
  let settled = false;
  void one.settled().then(() => (settled = true));
  await Promise.resolve();
  expect(settled).toBe(false);
  finish();
  await first;
  await one.settled();
  expect(settled).toBe(true);
  const third = one.run(work);
  expect(third).not.toBe(first);
  expect(runs).toBe(2);
  finish();
  await third;
  // A failed run is over too.
  await expect(one.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
  const after = one.run(async () => {});
  await after;
  expect(runs).toBe(2);
});
