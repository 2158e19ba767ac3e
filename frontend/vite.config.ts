// Vite build (split by route, precompressed) and dev server (proxying the backend's endpoints) plus Vitest settings.
import { defineConfig } from 'vitest/config';
import type { IncomingMessage } from 'node:http';
import react from '@vitejs/plugin-react';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import { precompress } from './precompress';

const backend = process.env.BACKEND_URL ?? 'http://localhost:8080';
const pageLoad = (req: IncomingMessage) =>
  req.method === 'GET' && req.headers.accept?.includes('text/html') ? '/index.html' : undefined;

export default defineConfig({
  plugins: [
    // graphql(`...`) calls become imports of their own documents, so each route's chunk carries only its operations
    react({ babel: { plugins: [[babelOptimizerPlugin, { artifactDirectory: './src/gql', gqlTagName: 'graphql' }]] } }),
    precompress(),
  ],
  build: {
    // GraphiQL is a page of its own: the SPA's chunks never load it
    rollupOptions: { input: { main: 'index.html', graphiql: 'graphiql.html' } },
  },
  server: {
    proxy: {
      '/graphql': { target: backend, ws: true },
      '/logout': { target: backend },
      '/oauth2': { target: backend },
      '/login/oauth2': { target: backend },
      '/login': { target: backend, bypass: pageLoad },
      '^/$': { target: backend, bypass: pageLoad },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'eslint/**/*.test.js'],
    // jsdom renders of whole pages take several seconds on a loaded 2-core CI machine; 5 s (the default) flaked
    testTimeout: 15_000,
  },
});
