/** Vocabulary for the simulated consignment store: what a resale shop's inventory looks like. */

export interface CategorySpec {
  name: string;
  nouns: string[];
  brands: string[];
  sizes: string[];
  /** Clothing has a family group; other categories leave it out. */
  families?: string[];
  /** Share of the store's items in this category (relative weight). */
  weight: number;
  priceRange: [number, number];
}

export const categories: CategorySpec[] = [
  {
    name: 'CLOTHING',
    nouns: ['Cardigan', 'Blouse', 'Jeans', 'Dress', 'Blazer', 'Sweater', 'Skirt', 'Coat', 'Jacket', 'Shirt', 'Trousers', 'Hoodie'],
    brands: ['Fashionables!', 'J.Crew', 'Levi’s', 'Patagonia', 'Eileen Fisher', 'Madewell', 'Anthropologie', 'Banana Republic', 'Gap', 'Zara'],
    sizes: ['XS', 'S', 'med', 'L', 'XL', '2', '4', '6', '8', '10', '12'],
    families: ['women', 'men', 'kids', 'juniors'],
    weight: 34,
    priceRange: [400, 12000],
  },
  {
    name: 'SHOES',
    nouns: ['Boots', 'Sneakers', 'Loafers', 'Sandals', 'Heels', 'Flats', 'Oxfords'],
    brands: ['Nike', 'Clarks', 'Dr. Martens', 'Frye', 'Steve Madden', 'Birkenstock', 'Converse'],
    sizes: ['6', '6.5', '7', '7.5', '8', '8.5', '9', '10', '11', '12'],
    families: ['women', 'men', 'kids'],
    weight: 10,
    priceRange: [800, 18000],
  },
  {
    name: 'HANDBAGS',
    nouns: ['Tote', 'Crossbody Bag', 'Clutch', 'Satchel', 'Backpack', 'Wallet'],
    brands: ['Coach', 'Kate Spade', 'Michael Kors', 'Fossil', 'Longchamp', 'Dooney & Bourke'],
    sizes: ['small', 'medium', 'large'],
    weight: 7,
    priceRange: [1500, 45000],
  },
  {
    name: 'JEWELRY',
    nouns: ['Necklace', 'Bracelet', 'Earrings', 'Ring', 'Brooch', 'Watch'],
    brands: ['Pandora', 'Swarovski', 'Monet', 'Napier', 'Fossil', 'Trifari'],
    sizes: ['one size', '6', '7', '8'],
    weight: 6,
    priceRange: [300, 30000],
  },
  {
    name: 'HOME DECOR',
    nouns: ['Vase', 'Lamp', 'Mirror', 'Throw Pillow', 'Candle Holder', 'Wall Art', 'Clock', 'Rug'],
    brands: ['Pottery Barn', 'West Elm', 'Crate & Barrel', 'Pier 1', 'Target'],
    sizes: ['small', 'medium', 'large'],
    weight: 9,
    priceRange: [500, 25000],
  },
  {
    name: 'FURNITURE',
    nouns: ['Side Table', 'Armchair', 'Bookshelf', 'Dresser', 'Coffee Table', 'Desk', 'Bar Stool'],
    brands: ['IKEA', 'Ethan Allen', 'La-Z-Boy', 'Ashley', 'Broyhill'],
    sizes: ['small', 'medium', 'large'],
    weight: 5,
    priceRange: [2500, 90000],
  },
  {
    name: 'BOOKS',
    nouns: ['Novel', 'Cookbook', 'Atlas', 'Biography', 'Art Book', 'Children’s Book'],
    brands: ['Penguin', 'Random House', 'HarperCollins', 'Scholastic'],
    sizes: ['hardcover', 'paperback'],
    weight: 6,
    priceRange: [100, 4000],
  },
  {
    name: 'GAMES',
    nouns: ['Mario Bros.', 'Board Game', 'Puzzle', 'Card Game', 'Zelda', 'Chess Set'],
    brands: ['Nintendo', 'Hasbro', 'Mattel', 'Ravensburger', 'Sega'],
    sizes: [],
    weight: 6,
    priceRange: [300, 8000],
  },
  {
    name: 'TOYS',
    nouns: ['Plush Bear', 'Train Set', 'Doll', 'Building Blocks', 'Kite', 'Rocking Horse'],
    brands: ['LEGO', 'Fisher-Price', 'Melissa & Doug', 'Playmobil'],
    sizes: [],
    weight: 5,
    priceRange: [200, 9000],
  },
  {
    name: 'ELECTRONICS',
    nouns: ['Turntable', 'Headphones', 'Camera', 'Speaker', 'Radio', 'Tablet'],
    brands: ['Sony', 'Bose', 'Canon', 'Panasonic', 'JBL', 'Apple'],
    sizes: [],
    weight: 4,
    priceRange: [1500, 60000],
  },
  {
    name: 'SPORTING GOODS',
    nouns: ['Tennis Racket', 'Golf Clubs', 'Yoga Mat', 'Skis', 'Bicycle Helmet', 'Baseball Glove'],
    brands: ['Wilson', 'Callaway', 'Rossignol', 'Rawlings', 'Giro'],
    sizes: ['youth', 'adult', 'one size'],
    weight: 4,
    priceRange: [500, 40000],
  },
  {
    name: 'KITCHEN',
    nouns: ['Dutch Oven', 'Stand Mixer', 'Teapot', 'Dinner Set', 'Wine Glasses', 'Skillet'],
    brands: ['Le Creuset', 'KitchenAid', 'Lodge', 'Corningware', 'Pyrex'],
    sizes: [],
    weight: 4,
    priceRange: [400, 35000],
  },
];

export const adjectives = ['Vintage', 'Classic', 'Wool', 'Linen', 'Leather', 'Striped', 'Floral', 'Quilted', 'Retro', 'Modern', 'Cozy', 'Embroidered', 'Denim', 'Silk', 'Handmade', 'Rustic'];
export const colors = ['black', 'white', 'navy', 'red', 'green', 'beige', 'brown', 'grey', 'pink', 'blue', 'yellow', 'purple', 'olive', 'cream', 'teal'];
export const conditions = ['gently used', 'like new', 'new with tags', 'some wear', 'excellent condition', 'minor scuffs'];
export const statuses = ['ACTIVE', 'CONVERTED', 'EXPIRED', 'ON HOLD'] as const;
export const locations = ['Front rack', 'Rack A', 'Rack B', 'Rack C', 'Back room', 'Display case', 'Window', 'Shelf 3'];
export const imageTypes = ['jpg', 'jpg', 'jpg', 'jpeg', 'png', 'png', 'gif'];
