// System > Configuration: breadcrumb and title, the section tree on the left, the open section on the right.
import { Navigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ConfigTree } from './ConfigTree';
import { DEFAULT_SECTION, findSection, sectionPath } from './configTree';
import { MicrosoftSettingsSection } from './MicrosoftSettingsSection';

export function ConfigurationPage() {
  const { group, section } = useParams();
  const node = findSection(group, section);
  if (!node) return <Navigate to={sectionPath(DEFAULT_SECTION.group, DEFAULT_SECTION.section)} replace />;
  const isMicrosoft = group === DEFAULT_SECTION.group && section === DEFAULT_SECTION.section;
  return (
    <>
      <PageHeader breadcrumb={['System', 'Configuration']} title="Configuration" />
      <div className="config-layout">
        <aside className="panel config-sidebar">
          <ConfigTree />
        </aside>
        <div className="panel config-content">
          {isMicrosoft ? (
            <MicrosoftSettingsSection />
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
