import { TestWorkstation, type WorkstationSpec } from './store-workstation';

/**
 * A workstation in a process of its own, so a test can kill it outright (kill -9). It joins the store
 * at once; the parent asks it to load ('load') and reads its state ('state') over the IPC channel.
 */
const spec = JSON.parse(process.argv[2]) as WorkstationSpec;
const ws = new TestWorkstation(spec);
ws.join();
process.on('message', (m: { id: number; ask: 'load' | 'state' }) => {
  const answer = async () => {
    if (m.ask === 'load') return { loaded: await ws.load() };
    return { role: ws.copy.role, mayLoad: ws.copy.mayLoad(), requests: ws.requests.length, items: ws.items().size };
  };
  void answer().then((value) => process.send?.({ id: m.id, value }));
});
process.send?.({ id: 0, value: 'started' });
