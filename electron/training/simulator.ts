import type { SimResponse } from '../core/simulator';

export type { SimRequest, SimResponse, Simulator } from '../core/simulator';

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({ status, body, headers });
