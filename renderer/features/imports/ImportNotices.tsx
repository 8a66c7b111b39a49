import { currentFormats } from '../../../shared/locale/current';
import './imports.css';
import { useEffect, useRef, useState } from 'react';
import type { ImportView } from '../../../shared/trax-retail/contract';
import { useNav } from '../../app/nav-store';
import { isEnded, useImports } from './queries';

interface Notice {
  id: string;
  text: string;
  tone: 'ok' | 'bad';
}

function noticeFor(i: ImportView): Notice {
  if (i.phase === 'upload-failed') return { id: i.id, text: `The upload of “${i.sheetName}” failed.`, tone: 'bad' };
  if (i.outcome === 'imported') return { id: i.id, text: `Trax imported “${i.sheetName}”${i.errored ? ` (${currentFormats().count(i.errored, 'row', 'rows')} with errors)` : ''}.`, tone: 'ok' };
  return { id: i.id, text: `Trax could not process “${i.sheetName}”${i.message ? `: ${i.message}` : '.'}`, tone: 'bad' };
}

/** A notice on any screen when an import ends (what had already ended at start is not announced). */
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
    const fresh = list.filter((i) => isEnded(i) && before.get(i.id) === false).map(noticeFor);
    if (fresh.length > 0) setNotices((n) => [...n, ...fresh].slice(-4));
  }, [imports.data]);
  if (notices.length === 0) return null;
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
