// The component that shows each configuration section of the tree, by "group/section" id.
import { EmailConfigurationSection } from './EmailConfigurationSection';
import { MicrosoftSettingsSection } from './MicrosoftSettingsSection';

export const SECTION_IDS = ['general/email', 'integrations/microsoft'];

export function SectionContent({ id }: { id: string }) {
  switch (id) {
    case 'general/email':
      return <EmailConfigurationSection />;
    case 'integrations/microsoft':
      return <MicrosoftSettingsSection />;
    default:
      return null;
  }
}
