import WebSocket from 'ws';
import { startWebShell } from '../electron/web-shell/server';
const shell = await startWebShell({ dispatch: async () => ({ ok: true, value: 1 }), staticDir: '.' });
const ws = new WebSocket(`${shell.origin.replace('http', 'ws')}/bridge`, { headers: { Origin: shell.origin } });
await new Promise((r) => ws.once('open', r));
ws.send(JSON.stringify({ hello: shell.token, padding: 'x'.repeat(4 * 1024 * 1024) }));
ws.on('close', (c) => { console.log('closed', c); void shell.close(); });
ws.on('error', (e) => console.log('err', e.message));
