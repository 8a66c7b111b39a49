import { useEffect } from 'react';
import { screens, useNav } from './nav-store';

/** Left navigation; Alt+1 … Alt+7 jump between screens without the mouse. */
export function Nav() {
  const { screen, go } = useNav();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const index = Number(e.key) - 1;
      if (e.altKey && index >= 0 && index < screens.length) {
        e.preventDefault();
        go(screens[index].id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
  return (
    <nav className="nav" aria-label="Screens">
      <div className="brand">Parts Back Office</div>
      {screens.map((s, i) => (
        <button
          key={s.id}
          type="button"
          className={s.id === screen ? 'nav-item active' : 'nav-item'}
          aria-current={s.id === screen ? 'page' : undefined}
          data-testid={`nav-${s.id}`}
          title={`Alt+${i + 1}`}
          onClick={() => go(s.id)}
        >
          {s.label}
        </button>
      ))}
    </nav>
  );
}
