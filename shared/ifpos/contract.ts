export const ifposContract = {};
