// Public surface of the dashboard feature, used by the home page.
export { Dashboard } from './Dashboard';
