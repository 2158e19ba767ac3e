// Public surface of the mailboxes feature, used by the router.
export { ComposePage } from './ComposePage';
export { MyMailboxesPage } from './MyMailboxesPage';
export { SystemMailboxesPage } from './SystemMailboxesPage';
