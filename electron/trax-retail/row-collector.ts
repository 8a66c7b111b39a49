/** A sheet as read from a file: its header line and its rows, every cell as text. */
export interface RawTable {
  headers: string[];
  rows: string[][];
  /** Rows the file holds past the row cap, counted but not kept (0 when it held none). */
  leftOut: number;
}

/**
 * Takes a file's rows one by one as a reader streams them: the first is the header line, blank
 * rows are skipped, and rows past the cap are only counted, so no file can make the app hold more
 * than the cap however many rows it has.
 */
export class RowCollector {
  private headers: string[] | null = null;
  private readonly rows: string[][] = [];
  private leftOut = 0;

  constructor(private readonly maxRows: number) {}

  add(cells: string[]): void {
    if (!cells.some((c) => c.trim() !== '')) return;
    if (this.headers === null) {
      this.headers = cells;
      return;
    }
    if (this.rows.length < this.maxRows) this.rows.push(cells);
    else this.leftOut++;
  }

  get full(): boolean {
    return this.rows.length >= this.maxRows;
  }

  table(): RawTable {
    return { headers: this.headers ?? [], rows: this.rows, leftOut: this.leftOut };
  }
}
