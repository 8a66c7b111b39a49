import { useNav } from './nav-store';

/** Always visible in training mode, so nobody mistakes simulator answers for real ones. */
export function TrainingBanner() {
  const go = useNav((s) => s.go);
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      <strong>Training mode.</strong> Every vendor is a built-in simulator on this computer; nothing reaches SimpleConsign, TRAX,
      Trax Retail or HeavyTruckParts. <button type="button" className="link" onClick={() => go('connections')}>Set up live connections</button>
    </div>
  );
}
