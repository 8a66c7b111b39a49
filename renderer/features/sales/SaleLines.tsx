import { useState } from 'react';
import { centsToDecimal, formatDollars, lineTotal, parseDollars } from '../../../shared/money';
import { useSaleDraft, type DraftLine } from './sale-store';

/** A price field that keeps what is typed until it leaves the field, then takes it if it is an amount. */
function PriceCell({ line }: { line: DraftLine }) {
  const updateLine = useSaleDraft((s) => s.updateLine);
  const [text, setText] = useState(centsToDecimal(line.unitPriceCents));
  const parsed = parseDollars(text);
  const bad = parsed === null || parsed < 0;
  return (
    <input
      className={`price${bad ? ' invalid' : ''}`}
      value={text}
      aria-invalid={bad}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => (bad ? setText(centsToDecimal(line.unitPriceCents)) : updateLine(line.key, { unitPriceCents: parsed }))}
      data-testid="line-price"
    />
  );
}

function stockWarning(line: DraftLine, lines: DraftLine[]): string | null {
  if (line.onHand === null) return null;
  const wanted = lines.filter((l) => l.sku.toUpperCase() === line.sku.toUpperCase()).reduce((n, l) => n + l.quantity, 0);
  return wanted > line.onHand ? `Only ${line.onHand} on hand` : null;
}

function LineRow({ line, warning }: { line: DraftLine; warning: string | null }) {
  const { updateLine, removeLine } = useSaleDraft();
  return (
    <tr data-testid="sale-line" data-sku={line.sku}>
      <td>{line.sku}</td>
      <td>
        {line.name || <span className="muted">(no name)</span>}
        {warning && (
          <div className="warning" data-testid="line-stock-warning">
            {warning}
          </div>
        )}
      </td>
      <td>
        <input
          className="qty"
          type="number"
          min={1}
          max={9999}
          value={line.quantity}
          onChange={(e) => {
            const q = Number(e.target.value);
            if (Number.isInteger(q) && q >= 1 && q <= 9999) updateLine(line.key, { quantity: q });
          }}
          data-testid="line-quantity"
        />
      </td>
      <td className="money">
        <PriceCell key={line.unitPriceCents} line={line} />
      </td>
      <td>
        <input type="checkbox" checked={line.taxable} onChange={(e) => updateLine(line.key, { taxable: e.target.checked })} aria-label="Taxable" />
      </td>
      <td className="money" data-testid="line-total">
        {formatDollars(lineTotal(line.unitPriceCents, line.quantity))}
      </td>
      <td>
        <button type="button" className="link" onClick={() => removeLine(line.key)} data-testid="line-remove">
          Remove
        </button>
      </td>
    </tr>
  );
}

/** The lines rung up so far; quantity, price and taxable stay editable. */
export function SaleLines() {
  const lines = useSaleDraft((s) => s.lines);
  if (lines.length === 0) return <p className="muted sale-empty">No items yet. Scan or type a SKU and press Enter.</p>;
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
          <th aria-label="Remove" />
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <LineRow key={line.key} line={line} warning={stockWarning(line, lines)} />
        ))}
      </tbody>
    </table>
  );
}
