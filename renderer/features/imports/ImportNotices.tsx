import './imports.css';
import { useEffect, useRef, useState } from 'react';
import { useNav } from '../../app/nav-store';
import { endNotice, type Tone } from './import-state';
import { isEnded, useImports } from './queries';

interface Notice {
  id: string;
  text: string;
  tone: Tone;
}

/**
 * A notice on any screen when an import ends (what had already ended at start is not announced).
 * The notices take their own line above the status bar, in the page's flow: they push the screen up
 * rather than lie over its controls.
 */
export function ImportNotices() {
  const imports = useImports();
  const known = useRef<Map<string, boolean> | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const go = useNav((s) => s.go);
  useEffect(() => {
    const list = imports.data?.imports;
    if (!list) return;
    const before = known.current;
    known.current = new Map(list.map((i) => [i.id, isEnded(i)]));
    if (!before) return;
    const fresh = list.filter((i) => isEnded(i) && before.get(i.id) === false).map((i) => ({ id: i.id, ...endNotice(i) }));
    if (fresh.length > 0) setNotices((n) => [...n, ...fresh].slice(-3));
  }, [imports.data]);
  // Always in the page (empty, it takes no room), so a screen reader hears the first notice too.
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="import-notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} data-testid="import-notice">
          <button type="button" className="link" onClick={() => go('imports')}>{n.text}</button>
          <button type="button" className="link" aria-label="Dismiss" onClick={() => setNotices((all) => all.filter((x) => x.id !== n.id))}>×</button>
        </div>
      ))}
    </div>
  );
}
