import path from 'node:path';
import type { Feature, FeatureFactory, FeatureModule } from '../core/feature';
import { heavyTruckPartsMigrations } from './migrations';
import { CatalogService } from './catalog-service';
import { HtpClient } from './client';
import { EndUserService } from './enduser-service';
import { FeedExport } from './feed-export';
import { PartsPictures } from './images';
import { InteractionsService } from './interactions-service';
import { ListsService } from './lists-service';
import { RecordsRepo } from './records-repo';
import { HtpSalesService } from './sales-service';
import { HeavyTruckPartsSim } from './sim';
import { htpTester } from './tester';

/** HeavyTruckParts.net (ITrack): parts search for the clerk on the phone, call logging and sales documents. */
export const makeHeavyTruckPartsFeature = (opts: { seed?: number } = {}): FeatureFactory => (core): Feature => {
  const client = new HtpClient({ http: core.http, connections: core.connections });
  const repo = new RecordsRepo(core.db);
  const lists = new ListsService(core.db, client, core.now);
  const pictures = new PartsPictures(() => client.connection());
  const catalog = new CatalogService(client, pictures);
  const endUsers = new EndUserService(client);
  const interactions = new InteractionsService(client, repo, core.now);
  const sales = new HtpSalesService(client, repo, core.now);
  const feed = new FeedExport(client, path.join(path.dirname(core.db.name), 'exports'), core.now, core.log);
  core.connections.registerTester('heavytruckparts', htpTester(client));
  return {
    handlers: {
      parts: {
        getLists: ({ refresh }) => lists.lists(refresh),
        listMakes: ({ partType, refresh }) => lists.makes(partType, refresh),
        listModels: ({ partType, make, refresh }) => lists.models(partType, make, refresh),
        search: (input) => catalog.search(input),
        searchSuggested: ({ uri, userId }) => catalog.searchUri(uri, userId),
        getItem: (ref) => catalog.item(ref),
        getWholeUnit: ({ vendorId, store, vehicleId, userId }) => catalog.wholeUnit(vendorId, store, vehicleId, userId),
        lookupEndUser: (q) => endUsers.lookup(q),
        listEndUsers: ({ refresh }) => endUsers.listAll(refresh),
        listTemplates: ({ type }) => endUsers.templates(type),
        listTemplateTypes: () => endUsers.templateTypes(),
        assignTemplate: ({ type, userId, template }) => endUsers.assign(type, userId, template),
        removeTemplate: ({ type, userId }) => endUsers.remove(type, userId),
        logInteraction: (input) => interactions.log(input),
        listInteractions: () => interactions.list(),
        resolveInteraction: ({ id, action }) => interactions.resolve(id, action),
        createSale: (draft) => sales.create(draft),
        listLocalSales: () => sales.list(),
        reconcileSale: ({ id }) => sales.reconcile(id),
        resolveSale: ({ id, action, onlineTransactionId }) => sales.resolve(id, action, onlineTransactionId),
        listSalesDocuments: (q) => sales.documents(q),
        lookupSalesDocument: (q) => sales.lookup(q),
        listMappedTypes: ({ mappedType }) => catalog.mappedTypes(mappedType),
        listFunctionGroups: ({ category, parent }) => catalog.functionGroups(category, parent),
        exportFeed: ({ format }) => feed.start(format),
        getFeedExport: () => feed.current(),
        getFeedFile: () => feed.file(),
      },
    },
    simulators: [new HeavyTruckPartsSim({ now: core.now, seed: opts.seed })],
    start: () => repo.markInterruptedUnknown(core.now()),
    pictures,
  };
};

export const createHeavyTruckPartsFeature = makeHeavyTruckPartsFeature();

export const heavyTruckPartsModule: FeatureModule = { name: 'HeavyTruckParts', versions: [40, 49], migrations: heavyTruckPartsMigrations, create: createHeavyTruckPartsFeature };
