import { z } from 'zod';
import { channel } from '../contract/channel';
import { itemRefSchema, logInputSchema, pathValue, saleListInputSchema, saleLookupInputSchema, searchInputSchema } from './inputs';
import { feedStatusSchema, interactionSchema, listsSchema, localSaleSchema, namesSchema, reconcileResultSchema } from './records';
import { saleDraftSchema } from './sale';
import { salesDocumentSchema } from './sales-doc';
import { endUserRowSchema, endUserSchema, functionGroupSchema, idSchema, itemDetailSchema, mappedTypeSchema, searchPageSchema, templateSchema, wholeUnitPartSchema } from './types';

const none = z.object({}).strict();
const refresh = z.object({ refresh: z.boolean().default(false) }).strict();
const message = z.object({ message: z.string() });
const templateType = pathValue('template type', 60).pipe(z.string().min(1, 'Choose a template type, or “all”.'));
const userId = z.string().trim().min(1, 'Enter the end user id.').max(40);

export const partsContract = {
  getLists: channel('Part types, categories and vendors for the search pickers, from the local cache; refresh asks HeavyTruckParts again.', refresh, listsSchema),
  listMakes: channel('Makes and manufacturers for a part type (or every part type with "*"), cached.', z.object({ partType: z.string().trim().max(100).default('*'), refresh: z.boolean().default(false) }).strict(), namesSchema),
  listModels: channel('Models for a part type and make, cached.', z.object({ partType: z.string().trim().max(100).default('*'), make: z.string().trim().max(100).default('*'), refresh: z.boolean().default(false) }).strict(), namesSchema),
  search: channel('One page of HeavyTruckParts search results with totals and suggested part types.', searchInputSchema, searchPageSchema),
  searchSuggested: channel('Runs a suggested part type’s search (only when its address is on the configured API host).', z.object({ uri: z.string().trim().min(1).max(2000), userId: z.string().trim().max(40).default('') }).strict(), searchPageSchema),
  getItem: channel('Every detail of one item (by vendor, store and inventory id, or by its details address on the API host).', itemRefSchema, itemDetailSchema),
  getWholeUnit: channel('The other parts taken off the same whole unit.', z.object({ vendorId: idSchema, store: idSchema, vehicleId: pathValue('whole unit id', 40).pipe(z.string().min(1, 'Give the whole unit id.')), userId: z.string().trim().max(40).default('') }).strict(), z.object({ parts: z.array(wholeUnitPartSchema) })),
  lookupEndUser: channel('Finds an end user by e-mail address or id.', z
      .object({ email: z.string().trim().max(200).default(''), userId: z.string().trim().max(40).default('') })
      .strict()
      .refine((q) => (q.email === '') !== (q.userId === ''), { message: 'Enter an e-mail address or an end user id.' }), z.object({ user: endUserSchema.nullable() })),
  listEndUsers: channel('Every end user with their template; refresh asks HeavyTruckParts to regenerate the associations.', refresh, z.object({ users: z.array(endUserRowSchema) })),
  listTemplates: channel('Templates that can be assigned, optionally of one type.', z.object({ type: pathValue('template type', 60).default('') }).strict(), z.object({ templates: z.array(templateSchema) })),
  listTemplateTypes: channel('The template types.', none, z.object({ types: z.array(z.string()) })),
  assignTemplate: channel('Assigns a template to an end user for one type or “all”.', z.object({ type: templateType, userId, template: z.string().trim().min(1, 'Choose a template.').max(100) }).strict(), message),
  removeTemplate: channel('Removes an end user’s template for one type or “all”.', z.object({ type: templateType, userId }).strict(), message),
  logInteraction: channel('Logs a phone call, e-mail, part inquiry or part request; recorded here first, sent once.', logInputSchema, interactionSchema),
  listInteractions: channel('The calls and requests logged from this computer, newest first.', none, z.object({ interactions: z.array(interactionSchema) })),
  resolveInteraction: channel('After a lost answer: send the log again, or mark it logged, as the clerk decides.', z.object({ id: z.number().int(), action: z.enum(['send-again', 'mark-logged', 'dismiss']) }).strict(), interactionSchema),
  createSale: channel('Records the cart, then asks HeavyTruckParts once to create the sales document.', saleDraftSchema, localSaleSchema),
  listLocalSales: channel('Sales documents asked for from this computer, newest first.', none, z.object({ sales: z.array(localSaleSchema) })),
  reconcileSale: channel('For a sale whose answer was lost: the matching documents in /sale/list (same user and date).', z.object({ id: z.number().int() }).strict(), reconcileResultSchema),
  resolveSale: channel('Settles a sale whose answer was lost: it was created (with its transaction id), send it again, or abandon it.', z.object({ id: z.number().int(), action: z.enum(['matched', 'send-again', 'abandon']), onlineTransactionId: z.string().trim().max(40).default('') }).strict(), localSaleSchema),
  listSalesDocuments: channel('Sales documents from /sale/list with its filters.', saleListInputSchema, z.object({ documents: z.array(salesDocumentSchema) })),
  lookupSalesDocument: channel('One sales document with its lines, adjustments and state.', saleLookupInputSchema, z.object({ document: salesDocumentSchema })),
  listMappedTypes: channel('The HeavyTruckParts part types behind one of your mapped types.', z.object({ mappedType: pathValue('mapped type', 100).pipe(z.string().min(1, 'Enter a mapped type.')) }).strict(), z.object({ types: z.array(mappedTypeSchema) })),
  listFunctionGroups: channel('One level of the function-group hierarchy, optionally under a parent and within a category.', z.object({ category: z.string().trim().max(60).default(''), parent: z.string().trim().max(40).default('') }).strict(), z.object({ groups: z.array(functionGroupSchema) })),
  exportFeed: channel('Starts writing the advertising feed to a CSV or Excel file; poll getFeedExport for progress.', z.object({ format: z.enum(['csv', 'xlsx']) }).strict(), feedStatusSchema),
  getFeedExport: channel('Progress of the advertising feed export.', none, feedStatusSchema),
  getFeedFile: channel('The finished feed file, for saving from the window.', none, z.object({ fileName: z.string(), mime: z.string(), base64: z.string() })),
};
