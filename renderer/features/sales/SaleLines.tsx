import { lineWarnings, localDay } from '../../../shared/sales/line-warnings';
import { lineTotal } from '../../../shared/money';
import { useFormats } from '../../locale/formats';
import { CountField, MoneyField } from '../../ui/NumberField';
import { useSaleDraft, type DraftLine } from './sale-store';

/** Price and quantity keep what is typed; text that does not read is refused where it is typed and holds the sale back. */
function PriceCell({ line }: { line: DraftLine }) {
  const updateLine = useSaleDraft((s) => s.updateLine);
  const setBadField = useSaleDraft((s) => s.setBadField);
  return (
    <MoneyField
      className="price"
      what="price"
      value={line.unitPriceCents}
      onValue={(cents) => cents !== null && updateLine(line.key, { unitPriceCents: cents })}
      onProblem={(p) => setBadField(`price-${line.key}`, p !== null)}
      aria-label={`Unit price of ${line.sku}`}
      testId="line-price"
      problemTestId="line-price-problem"
    />
  );
}

function QuantityCell({ line }: { line: DraftLine }) {
  const updateLine = useSaleDraft((s) => s.updateLine);
  const setBadField = useSaleDraft((s) => s.setBadField);
  return (
    <CountField
      className="qty"
      min={1}
      max={9999}
      value={line.quantity}
      onValue={(quantity) => updateLine(line.key, { quantity })}
      onProblem={(p) => setBadField(`quantity-${line.key}`, p !== null)}
      aria-label={`Quantity of ${line.sku}`}
      testId="line-quantity"
      problemTestId="line-quantity-problem"
    />
  );
}

function LineRow({ line, warnings }: { line: DraftLine; warnings: string[] }) {
  const updateLine = useSaleDraft((s) => s.updateLine);
  const removeLine = useSaleDraft((s) => s.removeLine);
  const f = useFormats();
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
        {f.money(lineTotal(line.unitPriceCents, line.quantity))}
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
