/** System > Audit log: reading, filtering, paging and exporting the append-only audit log (table audit_event). */
package com.m365console.audit;
