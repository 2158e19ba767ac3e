// Starts GraphiQL on /graphiql against this server's /graphql, with a link back to the console.
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './page.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createFetcher } from './fetcher';

const fetcher = createFetcher();

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={
        '# Runs as you (or as the API token in the Headers tab).\n{\n  me {\n    username\n    role\n  }\n}\n'
      }
    >
      <GraphiQL.Logo>
        <a href="/">M365 Console</a> GraphiQL
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
