import type { OpenReport } from '../../../shared/trax-retail/contract';
import { applyMapping } from './sheet-ops';
import { useSheet } from './sheet-store';

/** What opening a file found: older headers (offered a mapping to the current ones) and headers Trax may not know. */
export function OpenReportBanner({ report, onDone }: { report: OpenReport; onDone: () => void }) {
  const edit = useSheet((s) => s.edit);
  if (report.legacy.length === 0 && report.unknownHeaders.length === 0) return null;
  return (
    <div className="open-report card" data-testid="open-report">
      {report.legacy.length > 0 && (
        <div data-testid="legacy-mapping">
          <p>
            <strong>{report.fileName}</strong> uses headers Trax no longer accepts. Use the current ones?
          </p>
          <ul>
            {report.legacy.map((m) => (
              <li key={m.from}>“{m.from}” → “{m.to}”</li>
            ))}
          </ul>
          <button type="button" onClick={() => (edit((m) => applyMapping(m, report.legacy)), onDone())} data-testid="apply-mapping">Use the current headers</button>{' '}
          <button type="button" className="secondary" onClick={onDone}>Keep them</button>
        </div>
      )}
      {report.unknownHeaders.length > 0 && (
        <p data-testid="unknown-headers">
          Kept as additional attribute columns (Trax rejects the whole file if the project does not know one): {report.unknownHeaders.map((h) => `“${h}”`).join(', ')}.
        </p>
      )}
    </div>
  );
}
