export const salesContract = {};
