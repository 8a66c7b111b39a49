import { shellParty } from './inventory-party-shell';
import { bareParty } from './inventory-party-bare';
import { simParty } from './inventory-party-sim';

/** One party of the inventory bench in its own process (see inventory-roles.ts). */
type Handler = (command: Record<string, unknown>) => Promise<unknown>;

const [role, argText] = process.argv.slice(2);
const args = JSON.parse(argText ?? '{}') as Record<string, unknown>;
const make: Record<string, (a: Record<string, unknown>) => Promise<Handler>> = { app: shellParty, bare: bareParty, sim: simParty };
const handler = make[role](args);

process.on('message', (m: { id: number } & Record<string, unknown>) => {
  handler.then((h) => h(m)).then(
    (value) => process.send!({ id: m.id, ok: true, value }),
    (e: unknown) => process.send!({ id: m.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
// The bench is done with this party: exit runs the clean-up of its store.
process.on('disconnect', () => process.exit(0));
