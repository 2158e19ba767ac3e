// Public surface of the audit log feature, used by the router.
export { AuditLogPage } from './AuditLogPage';
