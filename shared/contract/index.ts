import { appContract } from './app';
import { connectionsContract } from './connections';
import { picturesContract } from './pictures';
import { trainingContract } from './training';
import { salesContract } from '../sales/contract';
import { inventoryContract } from '../inventory/contract';
import { ifposContract } from '../ifpos/contract';
import { importsContract, productSheetsContract } from '../trax-retail/contract';
import { partsContract } from '../heavytruckparts/contract';
import { storeContract } from '../store/contract';
import type { Bridge, Handlers } from './channel';

/** Every call the renderer can make, one domain per key. Each channel is `domain:verb-noun`. */
export const contract = {
  app: appContract,
  connections: connectionsContract,
  training: trainingContract,
  pictures: picturesContract,
  sales: salesContract,
  inventory: inventoryContract,
  ifpos: ifposContract,
  sheets: productSheetsContract,
  imports: importsContract,
  parts: partsContract,
  store: storeContract,
};

export type AppContract = typeof contract;
export type AppBridge = Bridge<AppContract>;
export type AppHandlers = Handlers<AppContract>;
