import type { AppHandlers } from '../../shared/contract';
import type { Feature } from '../core/feature';
import { makeTestCore, type TestCore } from '../simpleconsign/transactions-test-core';
import { makeHeavyTruckPartsFeature } from './feature';
import type { HeavyTruckPartsSim } from './sim';
import type { SimRequest } from '../training/simulator';
import { PictureService, type PictureAnswer } from '../core/pictures/picture-service';

export interface PartsHarness {
  core: TestCore;
  parts: AppHandlers['parts'];
  sim: HeavyTruckPartsSim;
  clock: { t: number };
  /** The app's `pictures:get` over this feature's pictures. */
  getPictures(urls: string[]): Promise<{ images: PictureAnswer[] }>;
  pictures: PictureService;
  feature: Feature;
  /** Every request the simulator received. */
  requests: SimRequest[];
  /** Sets the API user on the connection card (training keeps its password). */
  setUser(user: string): Promise<void>;
  close(): Promise<void>;
}

/** The parts feature against its simulator over real HTTP, in training mode, with a settable clock. */
export async function startParts(seed = 1): Promise<PartsHarness> {
  const clock = { t: Date.UTC(2026, 5, 1, 15, 0, 0) };
  const core = await makeTestCore([], { now: () => clock.t });
  const feature = makeHeavyTruckPartsFeature({ seed })(core);
  const sim = feature.simulators![0] as HeavyTruckPartsSim;
  const requests: SimRequest[] = [];
  const handle = sim.handle.bind(sim);
  sim.handle = (req) => {
    requests.push(req);
    return handle(req);
  };
  core.simHost.register(sim);
  feature.start?.();
  const pictures = new PictureService(core.http);
  return {
    pictures,
    feature,
    getPictures: (urls) => pictures.get(urls, [feature.pictures!]),
    core,
    parts: feature.handlers.parts!,
    sim,
    clock,
    requests,
    async setUser(user) {
      await core.connections.update('heavytruckparts', true, { domain: 'https://api.heavytruckparts.net', username: user });
    },
    close: () => core.close(),
  };
}

export { refusal } from '../testing/refusal';
