// System > Configuration: breadcrumb and title, the section tree on the left, the open section on the right.
import type { ComponentType } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ConfigTree } from './ConfigTree';
import { DEFAULT_SECTION, findSection, sectionPath } from './configTree';
import { EmailConfigurationSection } from './EmailConfigurationSection';
import { MicrosoftSettingsSection } from './MicrosoftSettingsSection';

const SECTIONS: Record<string, ComponentType> = {
  'general/email': EmailConfigurationSection,
  'integrations/microsoft': MicrosoftSettingsSection,
};

export function ConfigurationPage() {
  const { group, section } = useParams();
  const node = findSection(group, section);
  if (!node) return <Navigate to={sectionPath(DEFAULT_SECTION.group, DEFAULT_SECTION.section)} replace />;
  const Section = SECTIONS[`${group}/${section}`];
  return (
    <>
      <PageHeader breadcrumb={['System', 'Configuration']} title="Configuration" />
      <div className="config-layout">
        <aside className="panel config-sidebar">
          <ConfigTree />
        </aside>
        <div className="panel config-content">
          {Section ? (
            <Section />
          ) : (
            <>
              <div className="section-header">
                <h2>{node.label}</h2>
              </div>
              <p className="muted">Not available yet.</p>
            </>
          )}
        </div>
      </div>
    </>
  );
}
