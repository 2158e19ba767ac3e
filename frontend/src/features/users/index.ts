// Public surface of the users feature, used by the router.
export { UsersPage } from './UsersPage';
