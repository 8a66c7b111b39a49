import { readJsonBody } from '../electron/core/http/parse-json';
import type { BenchReport } from './harness';

/** An answer shaped like a SimpleConsign inventory load of 100,000 items. */
function inventoryAnswer(items: number): string {
  const results = Array.from({ length: items }, (_, i) => ({
    consignmentItem: i % 3 === 0,
    consignorId: i % 3 === 0 ? String(100000 + (i % 400)) : null,
    sku: `K${i.toString(36).toUpperCase().padStart(5, '0')}`,
    name: 'Cardigan',
    description: "woman's sweater, wool blend, lightly worn, buttons intact",
    category: 'CLOTHING',
    quantity: 1 + (i % 5),
    cost: 0,
    retail: 1000 + i,
    buyersFee: 100,
    discount: 10,
    currentPrice: 990 + i,
    doNotDiscount: false,
    brand: 'Fashionables!',
    size: 'med',
    color: 'black',
    images: i % 2 ? 'a1.jpg,a2.png' : [],
    dateCreated: 1497289834000 + i,
    lastUpdated: 1510305307000 + i,
  }));
  return JSON.stringify({ results });
}

/** The longest gap between 1 ms timer ticks while `work` runs: how long the main thread was unavailable. */
async function longestStall(work: () => unknown): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const tick = setInterval(() => {
    const t = performance.now();
    worst = Math.max(worst, t - last);
    last = t;
  }, 1);
  await new Promise((r) => setTimeout(r, 5));
  await work();
  clearInterval(tick);
  return Math.max(worst, performance.now() - last);
}

export default async function http(report: BenchReport): Promise<void> {
  const text = inventoryAnswer(100_000);
  const b = Buffer.from(text);
  report.section(`Vendor HTTP: reading a ${(b.length / 1024 / 1024).toFixed(0)} MB JSON answer (100,000 inventory items)`);
  const inPlace: number[] = [];
  const worker: number[] = [];
  for (let i = 0; i < 3; i++) {
    inPlace.push(await longestStall(() => JSON.parse(text)));
    const bytes = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    worker.push(await longestStall(() => readJsonBody(bytes)));
  }
  report.ratio('longest main-thread stall, read in a worker (best of 3)', Math.min(...worker), Math.min(...inPlace), 'ms');
  report.figure('  baseline: JSON.parse on the main thread (best of 3)', Math.min(...inPlace), 'ms');
}
