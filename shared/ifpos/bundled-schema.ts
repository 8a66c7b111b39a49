import { IFPOS_CUSTOMER_OBJECT, ifposCustomerFields } from './payload';

/**
 * The JSON Schema of the app's own IFPOS v1 payload model (see payload.ts). It validates payloads
 * until the official IFPOSv1 schema is loaded from a file or, in live mode, fetched from TRAX; the
 * training simulator validates against it too.
 */
export const IFPOS_OFFICIAL_SCHEMA_URL = 'https://cdn.etraxsales.com/resources/IFPOSv1-Schema.json';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
/** Decimal dollars with at most two decimals. */
const money = { type: 'number', multipleOf: 0.01 };

const lineItem = {
  type: 'object',
  additionalProperties: false,
  required: ['SKU', 'Description', 'Quantity', 'UnitPrice', 'Amount'],
  properties: {
    SKU: text(64),
    Description: { type: 'string', maxLength: 200 },
    Quantity: { type: 'integer', minimum: 1 },
    UnitPrice: { ...money, minimum: 0 },
    Amount: { ...money, minimum: 0 },
  },
};

export const bundledIfposSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:parts-backoffice:ifpos-v1-payload-model',
  title: 'IFPOS v1 payload (the app’s model, to be checked against the official IFPOSv1 schema)',
  type: 'object',
  additionalProperties: false,
  required: ['APIKey', 'ShowroomID', 'EmployeeID', 'SaleID', 'SaleDate', 'SaleAmount', 'LineItems', 'Credits'],
  properties: {
    APIKey: text(200),
    ShowroomID: text(50),
    EmployeeID: text(50),
    SaleID: text(64),
    SaleDate: { type: 'string', format: 'date-time' },
    SaleAmount: money,
    LineItems: { type: 'array', minItems: 1, items: { $ref: '#/definitions/lineItem' } },
    Credits: { type: 'array', items: { $ref: '#/definitions/credit' } },
    [IFPOS_CUSTOMER_OBJECT]: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        [ifposCustomerFields.name]: text(120),
        [ifposCustomerFields.phone]: text(40),
        [ifposCustomerFields.email]: { type: 'string', format: 'email', maxLength: 200 },
        [ifposCustomerFields.address]: text(300),
      },
    },
  },
  definitions: {
    lineItem,
    credit: {
      ...lineItem,
      required: [...lineItem.required, 'CreditID', 'CreditDate'],
      properties: { ...lineItem.properties, CreditID: text(64), CreditDate: { type: 'string', format: 'date-time' } },
    },
  },
} as const;
