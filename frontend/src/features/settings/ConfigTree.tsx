// The left-hand tree of configuration sections, and the fieldsets inside them, with its quick-search box.
import { useState } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { CONFIG_TREE, filterTree, sectionPath } from './configTree';

export function ConfigTree() {
  const [query, setQuery] = useState('');
  const groups = filterTree(CONFIG_TREE, query);
  return (
    <nav className="config-tree" aria-label="Configuration sections">
      <input
        type="search"
        aria-label="Quick Search"
        placeholder="Quick Search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.length === 0 && <p className="muted">No sections match.</p>}
      <ul>
        {groups.map((group) => (
          <li key={group.id}>
            <span className="tree-group">{group.label}</span>
            <ul>
              {group.children?.map((section) => (
                <li key={section.id}>
                  <NavLink to={sectionPath(group.id, section.id)}>{section.label}</NavLink>
                  {section.children && (
                    <ul>
                      {section.children.map((fieldset) => (
                        <li key={fieldset.id}>
                          <Link to={sectionPath(group.id, section.id)} className="tree-fieldset">
                            {fieldset.label}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
