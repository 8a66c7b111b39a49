import type { SimRequest } from '../training/simulator';

export const jsonHeaders = { accept: 'application/json', 'content-type': 'application/json' };

/** A request as the simulator host hands it over: a JSON (or raw string) body, JSON headers, POST to "/". */
export function simRequest(body: unknown, over: Partial<SimRequest> = {}): SimRequest {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { method: 'POST', path: '/', query: new URLSearchParams(), headers: jsonHeaders, body: text, json, ...over };
}
