// @vitest-environment node
// The cross-feature rule as ESLint runs it: what a feature may import, and what it is told when it may not.
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { noCrossFeatureImports } from './noCrossFeatureImports.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const inSrc = (...parts) => path.join('/repo/frontend/src', ...parts);
const mailReader = inSrc('features', 'mail', 'reader.ts');
const crossFeature = (to) => ({ messageId: 'crossFeature', data: { from: 'mail', to } });

new RuleTester({ languageOptions: { parser: tseslint.parser } }).run(
  'no-cross-feature-imports',
  noCrossFeatureImports,
  {
    valid: [
      { filename: mailReader, code: "import { MessageRow } from './MessageRow';" },
      { filename: mailReader, code: "import { Flash } from '../../components/Flash';" },
      { filename: mailReader, code: "import { formatDate } from '../../lib/format';" },
      { filename: mailReader, code: "import type { MessageFieldsFragment } from '../../gql/graphql';" },
      { filename: mailReader, code: "import { useQuery } from 'urql';" },
      { filename: inSrc('app', 'router.tsx'), code: "import { MailReaderPage } from '../features/mail';" },
      { filename: inSrc('features', 'mail', 'parts', 'Row.tsx'), code: "import { firstFolder } from '../reader';" },
    ],
    invalid: [
      {
        filename: mailReader,
        code: "import { stateBadge } from '../mailboxes/mailboxes';",
        errors: [crossFeature('mailboxes')],
      },
      { filename: mailReader, code: "import { useSession } from '../auth';", errors: [crossFeature('auth')] },
      {
        filename: mailReader,
        code: "export { KIND_LABEL } from '../mailboxes/mailboxes';",
        errors: [crossFeature('mailboxes')],
      },
      { filename: mailReader, code: "export * from '../settings/help';", errors: [crossFeature('settings')] },
      { filename: mailReader, code: "const page = import('../users/UsersPage');", errors: [crossFeature('users')] },
      {
        filename: inSrc('features', 'mail', 'parts', 'Row.tsx'),
        code: "import { MAILBOX } from '../../../features/mailboxes/testing';",
        errors: [crossFeature('mailboxes')],
      },
    ],
  },
);
