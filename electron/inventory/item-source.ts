/** An answer's items, handed over a slice at a time. */
export interface ItemSource {
  total: number;
  /** The next items (at most `max`), or null once all were read. */
  next(max: number): Promise<unknown[] | null>;
  close(): void;
}

/** Items already in memory as a source; each slice is let go of once handed over. */
export function arraySource(items: unknown[]): ItemSource {
  let at = 0;
  return {
    total: items.length,
    next: async (max) => {
      if (at >= items.length) return null;
      const slice = items.slice(at, at + max);
      items.fill(undefined, at, at + max);
      at += slice.length;
      return slice;
    },
    close: () => undefined,
  };
}
