/** Answers as an API user configured for XML gets them (ISoft can set a user to XML instead of JSON). */
const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const tag = (name: string) => (/^[A-Za-z_][\w.-]*$/.test(name) ? name : 'field');

function node(name: string, value: unknown): string {
  const t = tag(name);
  if (value === null || value === undefined) return `<${t}/>`;
  if (Array.isArray(value)) return `<${t}>${value.map((v) => node('item', v)).join('')}</${t}>`;
  if (typeof value === 'object') return `<${t}>${Object.entries(value).map(([k, v]) => node(k, v)).join('')}</${t}>`;
  return `<${t}>${esc(String(value))}</${t}>`;
}

export function toXml(value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${node('response', value)}`;
}
