package com.m365console.messages;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Makes a message's HTML safe to show: only harmless markup stays (no scripts, styles with URLs, forms or
 * event handlers), and remote content is blocked (images keep only inline {@code cid:}/{@code data:} sources).
 */
final class HtmlSanitizer {

    private static final Safelist SAFE = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid", "data")
            .addAttributes("a", "rel", "target");

    private HtmlSanitizer() {}

    static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(html, "", SAFE, output);
        Document document = Jsoup.parseBodyFragment(clean);
        document.outputSettings(output);
        document.select("a[href]")
                .forEach(
                        link -> link.attr("rel", "noopener noreferrer nofollow").attr("target", "_blank"));
        return document.body().html();
    }
}
