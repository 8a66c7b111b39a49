/**
 * Node loads its HTTP client (undici) on the first request: a few tens of milliseconds of the main
 * thread. The app loads it once it has started, while nothing waits, so that a person's first
 * vendor call (the first load of the inventory copy, say) does not hold the screen for it. A
 * `data:` address is read without any connection.
 */
export function warmHttpClient(): void {
  const timer = setTimeout(() => {
    fetch('data:,')
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
  }, 0);
  timer.unref();
}
