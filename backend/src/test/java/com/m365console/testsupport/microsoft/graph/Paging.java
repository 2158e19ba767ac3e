package com.m365console.testsupport.microsoft.graph;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How many items a page holds: {@code Prefer: odata.maxpagesize=n} if sent, else {@code $top}, else the default. */
final class Paging {

    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");

    private Paging() {}

    static OptionalInt preferred(GraphRequest request) {
        String prefer = request.header("prefer");
        if (prefer == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = MAX_PAGE_SIZE.matcher(prefer);
        return matcher.find() ? OptionalInt.of(Math.max(1, Integer.parseInt(matcher.group(1)))) : OptionalInt.empty();
    }

    static GraphResponse applied(GraphResponse response, GraphRequest request) {
        OptionalInt preferred = preferred(request);
        return preferred.isPresent()
                ? response.withHeader("Preference-Applied", "odata.maxpagesize=" + preferred.getAsInt())
                : response;
    }
}
