export const inventoryContract = {};
