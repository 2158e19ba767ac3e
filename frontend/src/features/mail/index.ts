// Public surface of the mail reader feature, used by the router.
export { MailReaderPage } from './MailReaderPage';
