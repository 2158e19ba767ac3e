package com.m365console.platform.graphql;

import java.util.OptionalInt;

/**
 * Which characters a text input may hold: no control characters (C0, DEL, C1), no noncharacters such as
 * U+FFFE, no lone surrogates. Multi-line text may also hold tab, line feed and carriage return. PostgreSQL
 * refuses NUL outright; the rest only ever shows up in an attack or a corrupted paste.
 */
public final class TextCharacters {

    private TextCharacters() {}

    /** The first character {@code text} must not contain, as a code point (a lone surrogate as itself). */
    public static OptionalInt firstForbidden(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (forbidden(cp, multiLine)) {
                return OptionalInt.of(cp);
            }
            i += Character.charCount(cp);
        }
        return OptionalInt.empty();
    }

    /** How a person reads the character: {@code U+0000}. */
    public static String describe(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    private static boolean forbidden(int cp, boolean multiLine) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return !multiLine;
        }
        return cp < 0x20
                || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                || (cp >= 0xFDD0 && cp <= 0xFDEF)
                || (cp & 0xFFFE) == 0xFFFE;
    }
}
