// System > Configuration: breadcrumb and title, the section tree on the left, the open section on the right.
import { Navigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ConfigTree } from './ConfigTree';
import { DEFAULT_SECTION, findSection, sectionPath } from './configTree';
import { SECTIONS } from './sections';

export function ConfigurationPage() {
  const { group, section } = useParams();
  const Section = findSection(group, section) && SECTIONS[`${group}/${section}`];
  if (!Section) return <Navigate to={sectionPath(DEFAULT_SECTION.group, DEFAULT_SECTION.section)} replace />;
  return (
    <>
      <PageHeader breadcrumb={['System', 'Configuration']} title="Configuration" />
      <div className="config-layout">
        <aside className="panel config-sidebar">
          <ConfigTree />
        </aside>
        <div className="panel config-content">
          <Section />
        </div>
      </div>
    </>
  );
}
