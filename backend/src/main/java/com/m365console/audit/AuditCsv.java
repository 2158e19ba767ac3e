package com.m365console.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes audit events as CSV (RFC 4180: every cell quoted, quotes doubled, CRLF line ends). A cell that a
 * spreadsheet would read as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe.
 */
final class AuditCsv {

    private static final String HEADER = "Occurred at,Kind,Actor,Actor id,Client address,Summary,Details";

    private AuditCsv() {}

    static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry entry : entries) {
            String details = entry.details().stream()
                    .map(detail -> detail.name() + "=" + (detail.value() == null ? "" : detail.value()))
                    .collect(Collectors.joining("; "));
            List<String> cells = List.of(
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.occurredAt()),
                    entry.kind(),
                    orEmpty(entry.actor().name()),
                    entry.actor().id() == null ? "" : entry.actor().id().toString(),
                    orEmpty(entry.clientAddress()),
                    entry.summary(),
                    details);
            csv.append(cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
