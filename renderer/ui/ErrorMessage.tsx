import { BridgeError } from '../api/bridge';

/** Shows an error's plain message and each specific problem under it. */
export function ErrorMessage({ error, testId = 'error-message' }: { error: unknown; testId?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof BridgeError ? error.details : [];
  return (
    <div className="error-message" role="alert" data-testid={testId}>
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
