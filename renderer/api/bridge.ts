import { contract, type AppBridge } from '../../shared/contract';
import { buildBridge } from '../../shared/contract/channel';
import { SHELL_SOCKET_PATH } from '../../shared/contract/shell-socket';
import type { AppErrorShape, Result } from '../../shared/result';
import { socketTransport, type Transport } from './socket-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser shell. */
    api?: AppBridge;
  }
}

const TOKEN_KEY = 'backoffice-shell-token';

/** The browser shell hands its token in the URL fragment once; keep it for this tab and clear the address bar. */
function shellToken(): string {
  const match = /token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function shellBridge(): AppBridge {
  const token = shellToken();
  const http: Transport = async (channel, input) => {
    const res = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  };
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return buildBridge(contract, socketTransport(`${scheme}://${window.location.host}${SHELL_SOCKET_PATH}`, token, http));
}

export const api: AppBridge = window.api ?? shellBridge();

/** A bridge call's error as a thrown value, so TanStack Query can hold it. */
export class BridgeError extends Error {
  readonly code: AppErrorShape['code'];
  readonly details: string[];
  constructor(error: AppErrorShape) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.details = error.details ?? [];
  }
}

export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}
