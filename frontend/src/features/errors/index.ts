// Public surface of the errors feature, used by the router.
export { ServerErrorPage } from './ServerErrorPage';
