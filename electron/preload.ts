import { contextBridge, ipcRenderer } from 'electron';
import { contract } from '../shared/contract';
import { buildBridge } from '../shared/contract/channel';
import type { Result } from '../shared/result';

// Only the contract's typed methods cross into the page; there is no generic invoke.
contextBridge.exposeInMainWorld(
  'api',
  buildBridge(contract, (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>),
);
