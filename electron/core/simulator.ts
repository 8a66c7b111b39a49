/** What a vendor simulator sees of a request. */
export interface SimRequest {
  method: string;
  /** Path below the simulator's prefix, starting with "/". */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body's bytes, for multipart and binary uploads. */
  raw?: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  /**
   * The path the host serves every simulator under (its per-run token, e.g. "/Xy3…"): a simulator that
   * writes absolute URLs into its answers puts it before its own prefix.
   */
  mount?: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are; a Buffer as bytes. */
  body?: unknown;
}

/**
 * A built-in stand-in for one vendor API, used in training mode and by every test. It enforces
 * the vendor's documented rules and messages; the host adds injected faults around it.
 */
export interface Simulator {
  id: string;
  name: string;
  /** URL path prefix under the host, e.g. "/simpleconsign". */
  prefix: string;
  handle(req: SimRequest): Promise<SimResponse> | SimResponse;
  /** Back to the starting data. */
  reset(): void;
  /** Credentials the simulator accepts; tests may add more. */
  acceptKey?(key: string): void;
  /** What a request asks for, counted in the training status (e.g. "picture", "inventory/search"). */
  requestKind?(req: SimRequest): string;
  /** The vendor's own rate-cap refusal, in its words, for the "rate-cap" fault; a plain 429 when absent. */
  capRefusal?(): SimResponse;
  /** What it counts beyond requests (e.g. uploads received), by a label a person reads. */
  counters?(): Record<string, number>;
}

/** What a feature may ask of the host that serves the simulators: another feature's simulator, by id. */
export interface SimulatorHost {
  /** Throws when no simulator has that id. */
  simulator<T extends Simulator>(id: string): T;
}
