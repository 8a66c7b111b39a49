/**
 * The renderer's Content-Security-Policy, used by both shells. Everything comes from the app itself:
 * vendor pictures are fetched by the main process (`pictures:get`) and shown as data addresses, so
 * no picture, pixel or tracker loads straight from a vendor's or anyone else's server.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
