// Public surface of the API tokens feature, used by the router.
export { ApiTokensPage } from './ApiTokensPage';
