import { useState } from 'react';
import { lineWarnings, localDay } from '../../../shared/sales/line-warnings';
import { centsToDecimal, formatDollars, lineTotal, parseDollars } from '../../../shared/money';
import { useSaleDraft, type DraftLine } from './sale-store';

function priceProblem(text: string): string | null {
  const parsed = parseDollars(text);
  if (parsed === null) return 'Type the price in dollars, e.g. 12.50.';
  if (parsed < 0) return 'A price cannot be negative.';
  return null;
}

/** A price field that keeps what is typed; text that is not a price is refused where it is typed, never reverted. */
function PriceCell({ line }: { line: DraftLine }) {
  const updateLine = useSaleDraft((s) => s.updateLine);
  const setBadPrice = useSaleDraft((s) => s.setBadPrice);
  const [text, setText] = useState(centsToDecimal(line.unitPriceCents));
  const problem = priceProblem(text);
  const change = (value: string) => {
    setText(value);
    const bad = priceProblem(value);
    setBadPrice(line.key, bad !== null);
    if (!bad) updateLine(line.key, { unitPriceCents: parseDollars(value)! });
  };
  const id = `line-price-${line.key}`;
  return (
    <>
      <input
        id={id}
        className={`price${problem ? ' invalid' : ''}`}
        inputMode="decimal"
        value={text}
        aria-label={`Unit price of ${line.sku}`}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => change(e.target.value)}
        data-testid="line-price"
      />
      {problem && (
        <div className="warning" id={`${id}-problem`} data-testid="line-price-problem">
          {problem}
        </div>
      )}
    </>
  );
}

function QuantityCell({ line }: { line: DraftLine }) {
  const updateLine = useSaleDraft((s) => s.updateLine);
  return (
    <input
      className="qty"
      type="number"
      min={1}
      max={9999}
      value={line.quantity}
      aria-label={`Quantity of ${line.sku}`}
      onChange={(e) => {
        const q = Number(e.target.value);
        if (Number.isInteger(q) && q >= 1 && q <= 9999) updateLine(line.key, { quantity: q });
      }}
      data-testid="line-quantity"
    />
  );
}

function LineRow({ line, warnings }: { line: DraftLine; warnings: string[] }) {
  const { updateLine, removeLine } = useSaleDraft();
  return (
    <tr data-testid="sale-line" data-sku={line.sku} className={warnings.length > 0 ? 'sale-line-warn' : undefined}>
      <td>{line.sku}</td>
      <td>
        {line.name || <span className="muted">(no name)</span>}
        {line.stock === null && <span className="muted"> · sold by hand</span>}
        {warnings.length > 0 && (
          <div className="warning" data-testid="line-stock-warning">
            {warnings.join(' · ')}
          </div>
        )}
      </td>
      <td>
        <QuantityCell line={line} />
      </td>
      <td className="money">
        <PriceCell line={line} />
      </td>
      <td>
        <input type="checkbox" checked={line.taxable} onChange={(e) => updateLine(line.key, { taxable: e.target.checked })} aria-label={`${line.sku} is taxable`} data-testid="line-taxable" />
      </td>
      <td className="money" data-testid="line-total">
        {formatDollars(lineTotal(line.unitPriceCents, line.quantity))}
      </td>
      <td>
        <button type="button" className="link" onClick={() => removeLine(line.key)} aria-label={`Remove ${line.sku}`} data-testid="line-remove">
          Remove
        </button>
      </td>
    </tr>
  );
}

/** Every warning of the sale, one entry per line that has any, for the confirmation before recording. */
export function saleWarnings(lines: readonly DraftLine[], now = new Date()): { line: DraftLine; warnings: string[] }[] {
  const today = localDay(now);
  return lines.map((line) => ({ line, warnings: lineWarnings(line, lines, today) })).filter((w) => w.warnings.length > 0);
}

/** The lines rung up so far; quantity, price and taxable stay editable. */
export function SaleLines() {
  const lines = useSaleDraft((s) => s.lines);
  if (lines.length === 0) return <p className="muted sale-empty">No items yet. Scan or type a SKU and press Enter.</p>;
  const today = localDay(new Date());
  return (
    <table className="table sale-lines" data-testid="sale-lines">
      <thead>
        <tr>
          <th>SKU</th>
          <th>Name</th>
          <th>Qty</th>
          <th className="money">Unit price</th>
          <th>Taxable</th>
          <th className="money">Line total</th>
          <th>
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <LineRow key={line.key} line={line} warnings={lineWarnings(line, lines, today)} />
        ))}
      </tbody>
    </table>
  );
}
