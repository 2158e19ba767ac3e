// System > Configuration: breadcrumb and title, the section tree on the left, the open section on the right.
import { Navigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ConfigTree } from './ConfigTree';
import { DEFAULT_SECTION, findSection, sectionPath } from './configTree';
import { SECTION_IDS, SectionContent } from './sections';

export function ConfigurationPage() {
  const { group, section } = useParams();
  const id = `${group}/${section}`;
  if (!findSection(group, section) || !SECTION_IDS.includes(id))
    return <Navigate to={sectionPath(DEFAULT_SECTION.group, DEFAULT_SECTION.section)} replace />;
  return (
    <>
      <PageHeader breadcrumb={['System', 'Configuration']} title="Configuration" />
      <div className="config-layout">
        <aside className="panel config-sidebar">
          <ConfigTree />
        </aside>
        <div className="panel config-content">
          <SectionContent id={id} />
        </div>
      </div>
    </>
  );
}
