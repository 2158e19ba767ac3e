package com.m365console.testsupport.microsoft.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET .../mailFolders}, {@code .../mailFolders/{id or well-known name}} and {@code .../childFolders}: hidden
 * folders only with {@code includeHiddenFolders=true}, pages of 10 unless {@code $top} or
 * {@code Prefer: odata.maxpagesize} says otherwise, the next one linked by {@code @odata.nextLink} with {@code $skip}.
 */
final class FolderRoutes {

    private static final int DEFAULT_PAGE = 10;

    private final String authority;

    FolderRoutes(String authority) {
        this.authority = authority;
    }

    GraphResponse one(MailboxTarget target, String folderKey, GraphRequest request) throws GraphRefusal {
        StoredFolder folder = target.mailbox().folder(folderKey).orElseThrow(() -> missing(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", authority + "/v1.0/$metadata#" + target.contextSegment() + "/mailFolders/$entity");
        body.putAll(GraphJson.folder(
                folder, target.mailbox(), GraphJson.select(request.query().get("$select"))));
        return GraphResponse.ok(body);
    }

    GraphResponse list(MailboxTarget target, String parentKey, GraphRequest request) throws GraphRefusal {
        FakeMailbox mailbox = target.mailbox();
        String parentId = parentKey == null
                ? mailbox.folder("msgfolderroot").orElseThrow().id()
                : mailbox.folder(parentKey).orElseThrow(() -> missing(request)).id();
        boolean hidden = "true".equalsIgnoreCase(request.query().get("includeHiddenFolders"));
        List<StoredFolder> children = mailbox.folders().stream()
                .filter(f -> parentId.equals(f.parentId()))
                .filter(f -> hidden || !f.hidden())
                .toList();
        int skip = number(request.query().get("$skip"), 0);
        int top = Paging.preferred(request).orElse(number(request.query().get("$top"), DEFAULT_PAGE));
        Set<String> select = GraphJson.select(request.query().get("$select"));
        List<Map<String, Object>> page = children.stream()
                .skip(skip)
                .limit(top)
                .map(f -> GraphJson.folder(f, mailbox, select))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        String collection = parentKey == null ? "/mailFolders" : "/mailFolders('" + parentId + "')/childFolders";
        body.put("@odata.context", authority + "/v1.0/$metadata#" + target.contextSegment() + collection);
        body.put("value", page);
        if (skip + top < children.size()) {
            Map<String, String> next = new LinkedHashMap<>(request.query());
            next.put("$skip", String.valueOf(skip + top));
            if (request.query().containsKey("$top")) {
                next.put("$top", String.valueOf(top));
            }
            body.put("@odata.nextLink", authority + "/v1.0/" + target.segment() + collection + "?" + Urls.query(next));
        }
        return Paging.applied(GraphResponse.ok(body), request);
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static GraphRefusal missing(GraphRequest request) {
        return new GraphRefusal(GraphErrorJson.notFound(request));
    }
}
