import type { StartupError } from '../../shared/contract/app';
import { ImportNotices } from '../features/imports/ImportNotices';
import { FirstRunDialog } from '../features/store-profile/FirstRunDialog';
import { useFormats, useStoreProfile, useWorkstationLocale } from '../locale/formats';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useAppStatus } from './app-queries';
import { Nav } from './Nav';
import { useNav } from './nav-store';
import { screenComponents } from './screens';
import { StatusBar } from './StatusBar';
import { TrainingBanner } from './TrainingBanner';

function StartupFailure({ error }: { error: StartupError }) {
  return (
    <main className="startup-error" data-testid="startup-error">
      <h1>The local data could not be opened</h1>
      <p>{error.message}</p>
      <p className="muted">
        File: <code>{error.file}</code>
      </p>
    </main>
  );
}

export function App() {
  const status = useAppStatus();
  const screen = useNav((s) => s.screen);
  // Numbers and dates are written in the store's format from the first screen on: it waits for them.
  const workstation = useWorkstationLocale();
  const profile = useStoreProfile();
  useFormats();
  const formatsPending = !status.data?.startupError && (workstation.isPending || profile.isPending);
  if (status.isPending || formatsPending) return <main className="loading">Starting…</main>;
  if (status.error) {
    return (
      <main className="startup-error">
        <h1>The app could not start</h1>
        <ErrorMessage error={status.error} />
      </main>
    );
  }
  if (status.data.startupError) return <StartupFailure error={status.data.startupError} />;
  const Screen = screenComponents[screen];
  return (
    <div className="frame" data-testid="app-ready">
      <a className="skip-link" href="#screen" onClick={(e) => (e.preventDefault(), document.getElementById('screen')?.focus())}>
        Skip to the screen
      </a>
      {/* Reading and Tab order follow the layout: menu on the left, then the screen, then the status bar at the foot. */}
      <Nav />
      <div className="main">
        {status.data.mode === 'training' && <TrainingBanner />}
        <main className="content" id="screen" tabIndex={-1} data-testid={`screen-${screen}-container`}>
          <Screen />
        </main>
        <ImportNotices />
        <StatusBar status={status.data} />
      </div>
      <FirstRunDialog />
    </div>
  );
}
