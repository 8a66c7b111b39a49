/** A line of a printed document: what it is (with an optional second line) and its amount, already formatted. */
export interface AmountLine {
  text: string;
  detail?: string;
  amount: string;
}

/** A total under the lines; the strong one is what is paid or refunded. */
export interface AmountTotal {
  label: string;
  amount: string;
  strong?: boolean;
}

/** The lines and totals of a receipt or a sales sheet, amounts in their own right-aligned column. */
export function AmountTable({ lines, totals, className }: { lines: AmountLine[]; totals: AmountTotal[]; className?: string }) {
  return (
    <table className={className}>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i}>
            <td>
              {l.detail === undefined ? (
                l.text
              ) : (
                <>
                  <strong>{l.text}</strong>
                  <small>{l.detail}</small>
                </>
              )}
            </td>
            <td className="money">{l.amount}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {totals.map((t) => (
          <tr key={t.label} className={t.strong ? 'strong' : undefined}>
            <td>{t.label}</td>
            <td className="money">{t.amount}</td>
          </tr>
        ))}
      </tfoot>
    </table>
  );
}
