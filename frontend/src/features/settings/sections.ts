// The component that shows each configuration section of the tree, by "group/section" id.
import type { ComponentType } from 'react';
import { EmailConfigurationSection } from './EmailConfigurationSection';
import { MicrosoftSettingsSection } from './MicrosoftSettingsSection';

export const SECTIONS: Record<string, ComponentType> = {
  'general/email': EmailConfigurationSection,
  'integrations/microsoft': MicrosoftSettingsSection,
};
