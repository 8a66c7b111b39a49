/**
 * The WHATWG URL class exists in both Node and the browser; shared code may use it, but nothing
 * else from either platform. Only the shared project sees this declaration.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly username: string;
  readonly password: string;
}
