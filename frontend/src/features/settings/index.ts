// Public surface of the settings feature, used by the router.
export { ConfigurationPage } from './ConfigurationPage';
