// The "System" drop-down of the main menu: Configuration, Users, Mailboxes and Audit log.
import { useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router-dom';

export function SystemMenu() {
  const location = useLocation();
  /** The page the menu was opened on: going to another page closes it. */
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === location.pathname;
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpenOn(null);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="dropdown" ref={ref}>
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="system-menu"
        className={location.pathname.startsWith('/system') ? 'active' : undefined}
        onClick={() => setOpenOn(open ? null : location.pathname)}
      >
        System
      </button>
      {open && (
        <ul id="system-menu" className="dropdown-menu">
          <li>
            <NavLink to="/system/config">Configuration</NavLink>
          </li>
          <li>
            <NavLink to="/system/users">Users</NavLink>
          </li>
          <li>
            <NavLink to="/system/mailboxes">Mailboxes</NavLink>
          </li>
          <li>
            <NavLink to="/system/audit">Audit log</NavLink>
          </li>
        </ul>
      )}
    </div>
  );
}
