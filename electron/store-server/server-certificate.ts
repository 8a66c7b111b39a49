import net from 'node:net';
import { generate } from 'selfsigned';

/**
 * The bundled server's own certificate, made on the server computer. Workstations do not check it against
 * an authority: SCRAM with channel binding proves to them that the server at the other end of the TLS
 * connection knows their password, so a machine in the middle cannot pass for it.
 */
export async function makeServerCertificate(names: string[]): Promise<{ cert: string; key: string }> {
  const altNames = [...new Set(names.filter(Boolean))].map((n) => (net.isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n }));
  const pems = await generate([{ name: 'commonName', value: names[0] || 'backoffice-store-server' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 10 * 365 * 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames }],
  });
  return { cert: pems.cert, key: pems.private };
}
