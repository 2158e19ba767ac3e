package com.m365console.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load on the running jar with wrk (Debian's package): the Microsoft Settings query with an API token, the same
 * with a session cookie, and a static asset, each at the same connections, so the three rates compare in one run.
 * Every answer is checked (a wrong one aborts wrk), and the app's CPU per request is read from /proc.
 */
final class ApiLoad {

    static final String SETTINGS_QUERY = "{\"query\":\"{ microsoftSettings { clientId { value useDefault } "
            + "tenant { value } cloud { value } redirectUri signInEnabled { value } emailSyncEnabled { value } } }\"}";

    /** One wrk run: requests per second, and the app's CPU milliseconds per request. */
    record Rate(String what, double requestsPerSecond, double cpuMillisPerRequest) {}

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

    private final JarApp app;
    private final int connections;
    private final String duration;

    ApiLoad(JarApp app, int connections, String duration) {
        this.app = app;
        this.connections = connections;
        this.duration = duration;
    }

    static boolean wrkInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"));
    }

    Rate withToken() {
        return graphQl("settings query, API token", "Authorization: Bearer " + app.apiToken(), null);
    }

    Rate withSession() {
        return graphQl("settings query, session", "Cookie: " + app.sessionCookieHeader(), app.csrfToken());
    }

    Rate staticAsset(String path) {
        return run("static " + path, List.of(app.baseUrl() + path));
    }

    private Rate graphQl(String what, String authorization, String csrf) {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = \"POST\"\n");
        lua.append("wrk.body = '").append(SETTINGS_QUERY).append("'\n");
        lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        int colon = authorization.indexOf(": ");
        lua.append("wrk.headers[\"")
                .append(authorization, 0, colon)
                .append("\"] = \"")
                .append(authorization.substring(colon + 2))
                .append("\"\n");
        if (csrf != null) {
            lua.append("wrk.headers[\"X-XSRF-TOKEN\"] = \"").append(csrf).append("\"\n");
        }
        lua.append("response = function(status, headers, body)\n")
                .append("  if status ~= 200 or not body:find('\"clientId\"') then\n")
                .append("    error(\"unexpected answer \" .. status .. \": \" .. body) end\nend\n");
        try {
            Path script = Files.createTempFile("m365-bench-", ".lua");
            Files.writeString(script, lua, StandardCharsets.UTF_8);
            try {
                return run(what, List.of("-s", script.toString(), app.baseUrl() + "/graphql"));
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Rate run(String what, List<String> target) {
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration, "--timeout", "10s"));
        command.addAll(target);
        try {
            double cpuBefore = ProcReadings.cpuSeconds(app.pid());
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            double cpu = ProcReadings.cpuSeconds(app.pid()) - cpuBefore;
            Matcher requests = REQUESTS.matcher(out);
            Matcher rate = RATE.matcher(out);
            if (!requests.find() || !rate.find() || out.contains("unexpected answer") || out.contains("Non-2xx")) {
                throw new IllegalStateException("wrk on " + what + ":\n" + out);
            }
            long count = Long.parseLong(requests.group(1));
            return new Rate(what, Double.parseDouble(rate.group(1)), cpu * 1000 / count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
