import type { PayloadPreview } from '../../shared/ifpos/contract';
import { ifposPayloadJson } from '../../shared/ifpos/payload';
import type { Feature, FeatureFactory, FeatureModule } from '../core/feature';
import { AppError } from '../core/app-error';
import { payloadFor, sampleSale } from './ifpos-client';
import { IfposSim } from './ifpos-sim';
import { ifposTester } from './ifpos-tester';
import { IfposSchemaStore } from './schema-store';

/** Training waits a few seconds on the first call of the day, not TRAX's 15; tests and demos may set it. */
export function firstCallDelayMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.BACKOFFICE_IFPOS_FIRST_CALL_MS;
  const ms = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : 3000;
}

/**
 * TRAX IFPOS: its simulator, "Test connection", and the JSON Schema that payloads are validated
 * against. The sales outbox builds its destination with `createIfposDestination(core)`.
 */
export const createIfposFeature: FeatureFactory = (core): Feature => {
  const schemas = new IfposSchemaStore(core);
  core.connections.registerTester('ifpos', ifposTester(core, schemas));
  const preview = (): PayloadPreview => {
    const training = core.connections.mode() === 'training';
    const payload = payloadFor(sampleSale(core.now()), core.connections.settingsOf('ifpos'), training, '(your dealer API key)');
    return { json: JSON.stringify(JSON.parse(ifposPayloadJson(payload)), null, 2), problems: schemas.active().compiled.validate(payload) };
  };
  return {
    handlers: {
      ifpos: {
        getSchemaStatus: () => {
          void schemas.refreshIfStale();
          return schemas.status();
        },
        loadSchema: ({ text, fileName }) => schemas.load(text, fileName),
        clearSchema: () => schemas.clear(),
        refreshSchema: async () => {
          if (core.connections.mode() !== 'live') {
            throw new AppError('conflict', 'Training mode does not contact TRAX. Load the official schema file instead, or switch to live mode to fetch it.');
          }
          await schemas.fetchNow();
          return schemas.status();
        },
        previewPayload: preview,
      },
    },
    simulators: [new IfposSim({ firstCallDelayMs: firstCallDelayMs(), now: core.now })],
  };
};

/** No records of its own in the data store. */
export const ifposModule: FeatureModule = { name: 'TRAX IFPOS', versions: null, migrations: [], create: createIfposFeature };
