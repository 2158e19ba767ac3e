// Generates typed GraphQL operations (src/gql/) from the backend's schema and the SPA's documents.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../backend/src/main/resources/graphql/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', UUID: 'string', Url: 'string' },
      },
    },
  },
  silent: true,
};

export default config;
