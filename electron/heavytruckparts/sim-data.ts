/** Fixed names for the HeavyTruckParts training catalog. */

export interface PartTypeSpec {
  id: number;
  name: string;
  /** What the part is described by: a vehicle (make/model) or a part manufacturer (manufacturer/model). */
  by: 'vehicle' | 'manufacturer';
  /** "Body" and "Vehicle" parts need a year range before a large result_size is honoured. */
  bodyOrVehicle?: boolean;
  basePrice: number;
}

export const partTypes: PartTypeSpec[] = [
  { id: 1001, name: 'Engine Assembly', by: 'manufacturer', basePrice: 850000 },
  { id: 1002, name: 'Transmission Assembly', by: 'manufacturer', basePrice: 420000 },
  { id: 1003, name: 'Turbocharger', by: 'manufacturer', basePrice: 120000 },
  { id: 1004, name: 'ECM', by: 'manufacturer', basePrice: 65000 },
  { id: 1005, name: 'A/C Compressor', by: 'manufacturer', basePrice: 38000 },
  { id: 1006, name: 'Air Brake Chamber', by: 'manufacturer', basePrice: 9500 },
  { id: 1007, name: 'Differential Assembly (Rear)', by: 'manufacturer', basePrice: 210000 },
  { id: 1008, name: 'Hood', by: 'vehicle', bodyOrVehicle: true, basePrice: 160000 },
  { id: 1009, name: 'Door Assembly, Front', by: 'vehicle', bodyOrVehicle: true, basePrice: 75000 },
  { id: 1010, name: 'Radiator', by: 'vehicle', basePrice: 54000 },
  { id: 1011, name: 'Seat, Front', by: 'vehicle', basePrice: 42000 },
  { id: 1012, name: 'Truck', by: 'vehicle', bodyOrVehicle: true, basePrice: 3800000 },
];

/** Part manufacturers and their models. */
export const manufacturers: Record<string, string[]> = {
  CUMMINS: ['ISX', 'ISX15', 'N14', 'ISM', 'ISB 6.7'],
  DETROIT: ['DD15', 'DD13', 'SERIES 60 14.0'],
  CATERPILLAR: ['C15', 'C13', '3406E'],
  FULLER: ['RTLO16913A', 'FRO16210C', 'RTX14710B'],
  EATON: ['DS404', 'RS404'],
  BENDIX: ['AD-9', 'TU-FLO 550'],
  HOLSET: ['HE551V', 'HX55'],
  'SANDEN': ['SD7H15'],
};

/** Vehicle makes and their models. */
export const vehicles: Record<string, string[]> = {
  FREIGHTLINER: ['CASCADIA', 'COLUMBIA', 'FLD120'],
  PETERBILT: ['379', '389', '579'],
  KENWORTH: ['T800', 'W900', 'T680'],
  INTERNATIONAL: ['PROSTAR', '9400', 'LT'],
  'MACK': ['CH613', 'PINNACLE CXU613', 'GRANITE'],
  VOLVO: ['VNL', 'VNM'],
};

export const conditions = ['Good', 'Excellent', 'Fair', 'Running take-out', 'Rebuilt', 'New in box'];
export const categories = ['USED', 'NEW', 'REMANUFACTURED', 'CORE'];

export interface VendorSpec {
  id: number;
  company: string;
  contact: string;
  /** Stores: id, street, city, state, zip. */
  stores: { id: number; street: string; city: string; state: string; zip: string }[];
  phone: string;
  email: string;
  /** False: this vendor has not set up the sales document integration (ERR_FORBIDDEN_VENDOR). */
  sells: boolean;
}

export const vendorSpecs: VendorSpec[] = [
  { id: 101, company: 'Midwest Truck Salvage', contact: 'Dana Ruiz', phone: '402-555-0141', email: 'parts@midwest-truck.example', sells: true, stores: [{ id: 1, street: '4400 N 56th St', city: 'Lincoln', state: 'NE', zip: '68504' }, { id: 2, street: '120 Industrial Rd', city: 'Omaha', state: 'NE', zip: '68110' }] },
  { id: 102, company: 'Heartland Heavy Parts', contact: 'Lee Ostrowski', phone: '515-555-0199', email: 'sales@heartland-heavy.example', sells: true, stores: [{ id: 7, street: '900 SE 14th St', city: 'Des Moines', state: 'IA', zip: '50320' }] },
  { id: 103, company: 'Lone Star Diesel Recyclers', contact: 'Maria Gonzalez', phone: '214-555-0112', email: 'maria@lonestar-diesel.example', sells: true, stores: [{ id: 3, street: '7100 S Lamar', city: 'Dallas', state: 'TX', zip: '75215' }, { id: 4, street: '88 Port Rd', city: 'Houston', state: 'TX', zip: '77029' }] },
  { id: 104, company: 'Great Lakes Truck Parts', contact: 'Sam Becker', phone: '616-555-0150', email: 'sam@greatlakes-tp.example', sells: false, stores: [{ id: 11, street: '3 Harbor Dr', city: 'Grand Rapids', state: 'MI', zip: '49504' }] },
  { id: 105, company: 'Rocky Mountain Rigs', contact: 'Jo Whitfield', phone: '303-555-0177', email: 'jo@rmrigs.example', sells: true, stores: [{ id: 21, street: '5600 Brighton Blvd', city: 'Denver', state: 'CO', zip: '80216' }] },
];

export const endUsers = [
  { userid: '5001', company: 'Prairie Freight LLC', name: 'Alex Morgan', street: '12 Depot St', city: 'Lincoln', state: 'NE', zip: '68508', country: 'United States', country_code: 'US', email: 'alex@prairiefreight.example', phone: '402-555-0100', template: 'Dealer' },
  { userid: '5002', company: 'Big Sky Hauling', name: 'Jordan Lee', street: '400 Main', city: 'Billings', state: 'MT', zip: '59101', country: 'United States', country_code: 'US', email: 'jordan@bigsky.example', phone: '406-555-0123', template: 'Wholesale' },
  { userid: '5003', company: 'Gulf Coast Fleet', name: 'Chris Patel', street: '9 Bay Rd', city: 'Mobile', state: 'AL', zip: '36602', country: 'United States', country_code: 'US', email: 'chris@gulfcoastfleet.example', phone: '251-555-0134', template: null },
  { userid: '5004', company: 'Maple Leaf Transport', name: 'Robin Tremblay', street: '77 Rue King', city: 'Sherbrooke', state: 'QC', zip: 'J1H 1R4', country: 'Canada', country_code: 'CA', email: 'robin@mapleleaf.example', phone: '819-555-0188', template: 'Retail' },
];

export const templates = [
  { template_name: 'Retail', template_type: 'pricing' },
  { template_name: 'Dealer', template_type: 'pricing' },
  { template_name: 'Wholesale', template_type: 'pricing' },
  { template_name: 'Standard', template_type: 'availability' },
  { template_name: 'Dealer', template_type: 'availability' },
];

/** Percent off the retail price for each pricing template. */
export const pricingDiscount: Record<string, number> = { Retail: 0, Dealer: 10, Wholesale: 20 };

/** Mapped types ("function groups") and the part types behind them; the hierarchy's categories. */
export const functionGroups = [
  { id: '10', name: 'Powertrain', parent: '', category: 'MECHANICAL', partTypes: [1001, 1002, 1003, 1004, 1007] },
  { id: '11', name: 'Engine', parent: '10', category: 'MECHANICAL', partTypes: [1001, 1003, 1004] },
  { id: '12', name: 'Drivetrain', parent: '10', category: 'MECHANICAL', partTypes: [1002, 1007] },
  { id: '20', name: 'Cab and Body', parent: '', category: 'BODY', partTypes: [1008, 1009, 1011] },
  { id: '21', name: 'Doors', parent: '20', category: 'BODY', partTypes: [1009] },
  { id: '30', name: 'Climate and Cooling', parent: '', category: 'MECHANICAL', partTypes: [1005, 1010] },
  { id: '40', name: 'Brakes', parent: '', category: 'MECHANICAL', partTypes: [1006] },
];
