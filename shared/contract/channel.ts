import type { z } from 'zod';
import type { Result } from '../result';

/** One bridge call: what the renderer may send, what the main process answers, and a line saying what it does. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  doc: string;
  input: I;
  output: O;
}

export type DomainDef = Record<string, ChannelDef>;
export type ContractDef = Record<string, DomainDef>;

export function channel<I extends z.ZodType, O extends z.ZodType>(doc: string, input: I, output: O): ChannelDef<I, O> {
  return { doc, input, output };
}

/** `sales` + `getHistory` → `sales:get-history`. */
export function channelName(domain: string, method: string): string {
  return `${domain}:${method.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export interface ChannelEntry {
  domain: string;
  method: string;
  name: string;
  def: ChannelDef;
}

export function listChannels(contract: ContractDef): ChannelEntry[] {
  return Object.entries(contract).flatMap(([domain, methods]) =>
    Object.entries(methods).map(([method, def]) => ({ domain, method, name: channelName(domain, method), def })),
  );
}

type In<C> = C extends ChannelDef<infer I, z.ZodType> ? z.input<I> : never;
type Parsed<C> = C extends ChannelDef<infer I, z.ZodType> ? z.output<I> : never;
type Out<C> = C extends ChannelDef<z.ZodType, infer O> ? z.output<O> : never;
type OutRaw<C> = C extends ChannelDef<z.ZodType, infer O> ? z.input<O> : never;

/** What the main process implements for a domain: parsed input in, plain output back. */
export type DomainHandlers<D extends DomainDef> = {
  [K in keyof D]: (input: Parsed<D[K]>) => Promise<OutRaw<D[K]>> | OutRaw<D[K]>;
};
export type Handlers<C extends ContractDef> = { [D in keyof C]: DomainHandlers<C[D]> };

/** What the renderer sees: typed methods, each answering a Result. */
export type DomainClient<D extends DomainDef> = {
  [K in keyof D]: (input: In<D[K]>) => Promise<Result<Out<D[K]>>>;
};
export type Bridge<C extends ContractDef> = { [D in keyof C]: DomainClient<C[D]> };

export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** Builds the typed bridge from the contract over any transport (Electron IPC or the browser shell's HTTP). */
export function buildBridge<C extends ContractDef>(contract: C, transport: Transport): Bridge<C> {
  const bridge: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const { domain, method, name } of listChannels(contract)) {
    bridge[domain] ??= {};
    bridge[domain][method] = (input: unknown) => transport(name, input);
  }
  return bridge as unknown as Bridge<C>;
}
