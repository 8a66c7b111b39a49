// Plain JS run by the JSON list reader's worker (see json-array-stream.ts).
//
// The answer's bytes arrive in pieces as the connection delivers them. Each piece is written at
// once to a file that only this reader holds open, and scanned once, on arrival, by a small state
// machine that finds where each element of the answer's list begins and ends (the top-level array,
// or the array under a top-level "results" key); the other top-level fields are parsed as they
// complete. Once the answer has ended, elements are read back and parsed one slice per request.
// Memory holds a piece and a slice at a time: never the answer whole, as objects or as bytes.
export const JSON_ARRAY_WORKER = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const decoder = new TextDecoder();
const pick = workerData.pick;
const fd = workerData.fd;

// Pieces still needed to parse a top-level field, and where each starts in the answer.
let pieces = [];
let starts = [];
let received = 0;
// Start and end (offsets in the answer) of every element of the list.
const bounds = [];
let handed = 0;
let listFound = false;
let shell = null;

const TOP = 0, OBJ_FIRST = 1, OBJ_KEY = 2, COLON = 3, OBJ_VALUE = 4, OBJ_NEXT = 5, LIST_FIRST = 6, LIST_ITEM = 7, LIST_NEXT = 8, VALUE = 9, DONE = 10;
const V_BEGIN = 0, V_STR = 1, V_NEST = 2, V_SCALAR = 3;
const FOR_ELEMENT = 0, FOR_KEY = 1, FOR_FIELD = 2;
let mode = TOP;
let listIsTop = false;
let key = '';
// The value being scanned: where it began, what it is for, and where the scan stands in it.
let vStart = 0, vFor = 0, vState = V_BEGIN, vDepth = 0, vEsc = false;

const fail = (message) => { throw new SyntaxError(message); };

/** The answer's bytes from offset a to b, read back from the file. */
function fromFile(a, b) {
  const out = new Uint8Array(b - a);
  for (let at = 0; at < out.length; ) {
    const n = fs.readSync(fd, out, at, out.length - at, a + at);
    if (n === 0) throw new Error('the answer file ended early');
    at += n;
  }
  return out;
}

/** A top-level field's bytes from offset a to b, from the pieces kept for it. */
function bytesOf(a, b) {
  let k = 0;
  while (k < pieces.length - 1 && starts[k + 1] <= a) k++;
  const first = pieces[k];
  if (b - starts[k] <= first.length) return first.subarray(a - starts[k], b - starts[k]);
  const out = new Uint8Array(b - a);
  let at = 0;
  for (; at < out.length; k++) {
    const p = pieces[k];
    const from = Math.max(0, a - starts[k]);
    const to = Math.min(p.length, b - starts[k]);
    out.set(p.subarray(from, to), at);
    at += to - from;
  }
  return out;
}

/** Lets go of every piece that ends before offset 'from'. */
function dropBefore(from) {
  let k = 0;
  while (k < pieces.length && starts[k] + pieces[k].length <= from) k++;
  if (k > 0) { pieces = pieces.slice(k); starts = starts.slice(k); }
}

function startValue(at, what) { mode = VALUE; vStart = at; vFor = what; vState = V_BEGIN; vDepth = 0; vEsc = false; }

function endValue(end) {
  if (vFor === FOR_ELEMENT) { bounds.push(vStart, end); mode = LIST_NEXT; return; }
  const value = JSON.parse(decoder.decode(bytesOf(vStart, end)));
  if (vFor === FOR_KEY) { key = value; mode = COLON; return; }
  shell[key] = value;
  mode = OBJ_NEXT;
}

/** Keeps only the pieces a top-level key or field being scanned still needs; elements are read from the file. */
function release() {
  dropBefore(mode === VALUE && vFor !== FOR_ELEMENT ? vStart : received);
}

/** Scans a value from c[i]; answers where the scan stopped (c.length when the value goes on). */
function scanValue(c, i, off) {
  const n = c.length;
  if (vState === V_BEGIN) {
    const b = c[i];
    if (b === 34) { vState = V_STR; i++; }
    else if (b === 123 || b === 91) { vState = V_NEST; vDepth = 1; i++; }
    else if (b === 125 || b === 93 || b === 44 || b === 58) fail('Unexpected token in JSON at position ' + (off + i));
    else { vState = V_SCALAR; i++; }
  }
  while (i < n) {
    if (vState === V_STR) {
      if (vEsc) { vEsc = false; i++; continue; }
      while (i < n) {
        const b = c[i];
        if (b === 92) { if (i + 1 < n) { i += 2; continue; } vEsc = true; i = n; break; }
        if (b === 34) break;
        i++;
      }
      if (i >= n) return n;
      i++;
      if (vDepth === 0) { endValue(off + i); return i; }
      vState = V_NEST;
    } else if (vState === V_NEST) {
      while (i < n) {
        const b = c[i];
        if (b === 34) { vState = V_STR; i++; break; }
        if (b === 123 || b === 91) vDepth++;
        else if ((b === 125 || b === 93) && --vDepth === 0) { endValue(off + i + 1); return i + 1; }
        i++;
      }
    } else {
      while (i < n) {
        const b = c[i];
        // The byte that ends a number, true, false or null belongs to what follows it.
        if (b === 44 || b === 93 || b === 125 || b === 32 || b === 9 || b === 10 || b === 13) { endValue(off + i); return i; }
        i++;
      }
    }
  }
  return n;
}

function listEnded() { mode = listIsTop ? DONE : OBJ_NEXT; }

function feed(c) {
  const off = received;
  for (let at = 0; at < c.length; ) at += fs.writeSync(fd, c, at, c.length - at, off + at);
  pieces.push(c);
  starts.push(off);
  received += c.length;
  const n = c.length;
  let i = 0;
  while (i < n) {
    if (mode === VALUE) { i = scanValue(c, i, off); continue; }
    const b = c[i];
    if (b === 32 || b === 9 || b === 10 || b === 13) { i++; continue; }
    switch (mode) {
      case TOP:
        if (b === 91) { listIsTop = true; listFound = true; mode = LIST_FIRST; }
        else if (b === 123) { shell = {}; mode = OBJ_FIRST; }
        else fail('Unexpected token in JSON at position ' + (off + i));
        i++;
        break;
      case OBJ_FIRST:
        if (b === 125) { mode = DONE; i++; break; }
        if (b !== 34) fail('Expected a property name in JSON at position ' + (off + i));
        startValue(off + i, FOR_KEY);
        break;
      case OBJ_KEY:
        if (b !== 34) fail('Expected a property name in JSON at position ' + (off + i));
        startValue(off + i, FOR_KEY);
        break;
      case COLON:
        if (b !== 58) fail("Expected ':' in JSON at position " + (off + i));
        mode = OBJ_VALUE;
        i++;
        break;
      case OBJ_VALUE:
        if (key === 'results' && b === 91) { listFound = true; mode = LIST_FIRST; i++; }
        else startValue(off + i, FOR_FIELD);
        break;
      case OBJ_NEXT:
        if (b === 44) mode = OBJ_KEY;
        else if (b === 125) mode = DONE;
        else fail('Unexpected token in JSON at position ' + (off + i));
        i++;
        break;
      case LIST_FIRST:
        if (b === 93) { listEnded(); i++; break; }
        startValue(off + i, FOR_ELEMENT);
        break;
      case LIST_ITEM:
        startValue(off + i, FOR_ELEMENT);
        break;
      case LIST_NEXT:
        if (b === 44) mode = LIST_ITEM;
        else if (b === 93) listEnded();
        else fail('Unexpected token in JSON list at position ' + (off + i));
        i++;
        break;
      default:
        fail('Unexpected data after JSON at position ' + (off + i));
    }
  }
  release();
}

/** The next slice of at most 'want' elements, parsed; the pieces it moved past are let go of. */
function part(want) {
  const total = bounds.length / 2;
  if (handed >= total) return { kind: 'end' };
  const last = Math.min(total, handed + want);
  let items = JSON.parse('[' + decoder.decode(fromFile(bounds[2 * handed], bounds[2 * last - 1])) + ']');
  if (pick !== undefined) items = items.map((e) => (e !== null && typeof e === 'object' ? e[pick] : undefined));
  handed = last;
  return { kind: 'part', items };
}

let broken = false;
parentPort.on('message', (m) => {
  if (broken) return;
  try {
    if (m.kind === 'bytes') feed(new Uint8Array(m.bytes));
    else if (m.kind === 'end') {
      if (mode !== DONE) fail('Unexpected end of JSON input');
      parentPort.postMessage({ kind: 'start', shell, total: listFound ? bounds.length / 2 : null });
    } else parentPort.postMessage(part(m.max));
  } catch (e) {
    broken = true;
    parentPort.postMessage({ kind: 'invalid', message: String(e && e.message) });
  }
});
`;
