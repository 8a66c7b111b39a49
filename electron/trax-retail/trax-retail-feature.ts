import path from 'node:path';
import type { Feature, FeatureFactory, FeatureModule } from '../core/feature';
import { traxRetailMigrations } from './migrations';
import { FileStore } from './file-store';
import { ImportsService } from './imports-service';
import { SheetsService } from './sheets-service';
import { sheetPictures } from './sheet-pictures';
import { traxTester } from './trax-tester';
import { TraxRetailSim } from './trax-sim';

const POLL_TICK_MS = 1000;

/** How long each simulated lifecycle step takes (BACKOFFICE_TRAX_SIM_STEP_MS), 1.5 s unless told. */
function simStepMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.BACKOFFICE_TRAX_SIM_STEP_MS);
  return Number.isInteger(n) && n >= 0 && n <= 3_600_000 ? n : 1500;
}

/**
 * Trax Retail product sheets: drafts and their pictures, files written to the vendor's rules, uploads
 * and the imports followed to their end; its simulator and its connection test.
 */
export const createTraxRetailFeature: FeatureFactory = (core): Feature => {
  const files = new FileStore(path.join(path.dirname(core.db.name), 'trax-retail'));
  const sheets = new SheetsService(core, files);
  const imports = new ImportsService({ core, sheets, files });
  const seed = Number(process.env.BACKOFFICE_TRAX_SIM_SEED);
  const simulator = new TraxRetailSim({ now: core.now, stepMs: simStepMs(), seed: Number.isInteger(seed) ? seed : undefined });
  core.connections.registerTester('trax-retail', traxTester(core.http));
  let timer: NodeJS.Timeout | undefined;
  return {
    simulators: [simulator],
    pictures: sheetPictures,
    handlers: {
      sheets: {
        listDrafts: () => ({ drafts: sheets.drafts.list() }),
        createDraft: ({ name, useCases }) => sheets.create(name, useCases),
        getDraft: ({ id }) => sheets.draft(id),
        saveDraft: ({ id, name, model }) => sheets.save(id, name, model),
        deleteDraft: ({ id }) => (sheets.delete(id), {}),
        stageChunk: ({ stageId, base64 }) => files.stageChunk(stageId, base64),
        addImage: ({ draftId, stageId, fileName }) => sheets.addImage(draftId, stageId, fileName),
        getImagePreview: ({ draftId, name }) => ({ dataUrl: sheets.preview(draftId, name) }),
        openFile: ({ stageId, fileName }) => sheets.open(stageId, fileName),
        check: ({ id, rowIds }) => ({ issues: sheets.check(id, rowIds) }),
        exportFile: ({ id, format }) => sheets.export(id, format),
        readFile: ({ fileId, offset }) => files.readPiece(fileId, offset),
        upload: ({ id, format, rowIds, intentId }) => imports.upload(id, format, rowIds, intentId),
        getSettings: () => sheets.settings(),
        saveSettings: (s) => sheets.saveSettings(s),
      },
      imports: {
        list: () => ({ imports: imports.list() }),
        refresh: ({ id }) => imports.refresh(id),
        download: ({ id, which }) => imports.download(id, which),
        getErrors: ({ id }) => imports.errors(id),
        retry: ({ id, intentId }) => imports.retry(id, intentId),
        dismiss: ({ id }) => (imports.dismiss(id), {}),
      },
    },
    start: () => {
      imports.resume();
      timer = setInterval(() => {
        void imports.tick().catch((e: unknown) => core.log(`trax-retail polling failed: ${e instanceof Error ? e.message : String(e)}`));
      }, POLL_TICK_MS);
    },
    stop: async () => {
      clearInterval(timer);
      await imports.stop();
    },
  };
};

export const traxRetailModule: FeatureModule = { name: 'Trax Retail product import', versions: [30, 39], migrations: traxRetailMigrations, create: createTraxRetailFeature };
