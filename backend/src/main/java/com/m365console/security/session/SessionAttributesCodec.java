package com.m365console.security.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a session's attributes into bytes and back with Java serialisation, as Spring Session's JDBC store
 * does. Reading accepts only the JDK's, Spring's, the OAuth libraries' and this application's classes, so
 * even a row written by someone holding the database (but not the encryption key) cannot make it build
 * arbitrary objects.
 */
final class SessionAttributesCodec {

    private static final ObjectInputFilter ALLOWED =
            ObjectInputFilter.Config.createFilter("maxdepth=40;maxrefs=10000;maxbytes=1048576;"
                    + "java.**;org.springframework.**;com.m365console.**;com.nimbusds.**;net.minidev.**;!*");

    private SessionAttributesCodec() {}

    static byte[] serialize(Map<String, Object> attributes) {
        var bytes = new ByteArrayOutputStream(512);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LinkedHashMap<>(attributes));
        } catch (IOException ex) {
            throw new UncheckedIOException("A session attribute cannot be stored: " + ex.getMessage(), ex);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deserialize(byte[] serialized) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            in.setObjectInputFilter(ALLOWED);
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException ex) {
            throw new IllegalStateException("A stored session could not be read: " + ex.getMessage(), ex);
        }
    }
}
