import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends malformed requests to a running CDS Hooks service on 127.0.0.1 over raw sockets (so that anything can be
 * sent) and counts the answers by status. A 5xx, or no answer at all, is a finding.
 *
 * Usage: java Fuzz.java PORT VALID_BODY.json COUNT SEED [BEARER_TOKEN_MODE]
 *   BEARER_TOKEN_MODE "jwt" adds a malformed or forged Authorization header to every request (security on).
 */
public class Fuzz {
    static final String[] PATHS = {"/cds-services/pgx-order-sign", "/cds-services/pgx-order-select",
            "/cds-services/pgx-patient-view", "/cds-services/pgx-order-sign/feedback", "/cds-services",
            "/cds-services/nope", "/cds-services/pgx-order-sign/feedback?limit=-1", "/cds-services/%00",
            "/cds-services/..%2f..%2fetc%2fpasswd", "/error", "/actuator/metrics", "/actuator/env", "/actuator",
            "/cds-services/pgx-order-sign/feedback?limit=abc", "/cds-services//pgx-order-sign", "/%ff%fe"};
    static final String[] TYPES = {"application/json", "application/json; charset=UTF-8", "*/*", "application/*",
            "text/*", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/fhir+json", "application/json; charset=latin1", ";;", "application/json; charset=",
            null, "application/xml", "json", "application/json;q=0.5,text/html"};
    static final String[] METHODS = {"POST", "POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS",
            "HEAD", "TRACE", "FOO"};

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String valid = Files.readString(Path.of(args[1]));
        int count = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        boolean jwt = args.length > 4 && args[4].equals("jwt");
        Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            long s = seed * 1_000_003L + i;
            pool.submit(() -> {
                Random r = new Random(s);
                byte[] request = request(r, valid, jwt);
                String status = send(port, request);
                byStatus.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                if (status.startsWith("5") || status.equals("no-answer")) {
                    failures.add(status + " seed=" + s + " " + new String(request, 0, Math.min(300, request.length),
                            StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n"));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        long fiveXx = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToLong(e -> e.getValue().get()).sum();
        long none = byStatus.getOrDefault("no-answer", new AtomicLong()).get();
        System.out.println("requests=" + count + " by status=" + new TreeMap<>(byStatus) + " 5xx=" + fiveXx
                + " no-answer=" + none);
        failures.stream().limit(20).forEach(System.out::println);
        System.exit(fiveXx == 0 && none == 0 ? 0 : 1);
    }

    static byte[] request(Random r, String valid, boolean jwt) {
        String path = r.nextInt(3) == 0 ? PATHS[r.nextInt(PATHS.length)] : PATHS[r.nextInt(4)];
        String method = METHODS[r.nextInt(METHODS.length)];
        String type = TYPES[r.nextInt(TYPES.length)];
        byte[] body = body(r, valid);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (r.nextInt(4) == 0) {
            head.append("Accept-Language: ").append(pick(r, "en", "nb", "*", "xx-YY;q=2", "", ";;;",
                    "en;q=abc", "e".repeat(5000))).append("\r\n");
        }
        if (r.nextInt(5) == 0) {
            head.append("X-Request-Id: ").append(pick(r, "abc", "<script>", "x".repeat(3000), "%00")).append("\r\n");
        }
        if (r.nextInt(6) == 0) {
            head.append("Accept: ").append(pick(r, "text/html", "*/*", "application/xml", "garbage///")).append("\r\n");
        }
        if (jwt || r.nextInt(8) == 0) {
            head.append("Authorization: ").append(token(r)).append("\r\n");
        }
        boolean chunked = r.nextInt(10) == 0;
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
        int length = r.nextInt(20) == 0 ? Math.max(0, body.length + r.nextInt(21) - 10) : body.length;
        head.append("Content-Length: ").append(length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body, 0, Math.min(body.length, length));
        return out.toByteArray();
    }

    static String token(Random r) {
        String[] parts = {"eyJhbGciOiJub25lIn0", "eyJhbGciOiJIUzI1NiIsImtpZCI6IngifQ", "eyJ9", "e30", "!!!", "",
                "eyJhbGciOiJFUzM4NCIsImtpZCI6ImsiLCJqa3UiOiJodHRwOi8vMTI3LjAuMC4xOjEvandrcyJ9",
                "eyJpc3MiOiJodHRwczovL2VociIsImF1ZCI6InkiLCJleHAiOjk5OTk5OTk5OTksIm5iZiI6OTk5OTk5OTk5OX0"};
        return switch (r.nextInt(6)) {
            case 0 -> "Bearer " + "a".repeat(r.nextInt(200_000));
            case 1 -> "Bearer " + pick(r, parts) + "." + pick(r, parts) + "." + pick(r, parts);
            case 2 -> "Basic " + pick(r, parts);
            case 3 -> "Bearer";
            case 4 -> "Bearer " + pick(r, parts) + "." + pick(r, parts);
            default -> pick(r, "bearer x.y.z", "Bearer \u00e6\u00f8\u00e5", "Bearer a b c", "Negotiate abc");
        };
    }

    static byte[] body(Random r, String valid) {
        switch (r.nextInt(10)) {
            case 0: {
                byte[] b = new byte[r.nextInt(2000)];
                r.nextBytes(b);
                return b;
            }
            case 1:
                return valid.substring(0, r.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 2:
                return ("[".repeat(r.nextInt(20_000)) + "]".repeat(r.nextInt(3))).getBytes(StandardCharsets.UTF_8);
            case 3:
                return pick(r, "", "null", "true", "1e999999", "\"x\"", "{}", "[]", "{\"hook\":null}",
                        "{\"hook\":\"order-sign\",\"hookInstance\":1,\"context\":[]}", "\u0000\u0000",
                        "{\"a\":1,\"a\":2}", "hook=order-sign&hookInstance=x", "<xml/>", "\ufeff{}")
                        .getBytes(StandardCharsets.UTF_8);
            default:
                return mutate(r, valid).getBytes(r.nextInt(8) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
    }

    /** The valid body with a few values replaced by other JSON (other types, huge, markup, ids that are not ids). */
    static String mutate(Random r, String valid) {
        String out = valid;
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            String[] keys = {"\"hook\"", "\"hookInstance\"", "\"context\"", "\"patientId\"", "\"draftOrders\"",
                    "\"prefetch\"", "\"patient\"", "\"pgxResults\"", "\"activeMedications\"", "\"resourceType\"",
                    "\"id\"", "\"entry\"", "\"resource\"", "\"valueCodeableConcept\"", "\"code\"", "\"coding\"",
                    "\"system\"", "\"display\"", "\"text\"", "\"subject\"", "\"reference\"", "\"component\"",
                    "\"effectiveDateTime\"", "\"birthDate\"", "\"fhirServer\"", "\"fhirAuthorization\"",
                    "\"selections\"", "\"medicationCodeableConcept\"", "\"status\"", "\"performer\""};
            String key = keys[r.nextInt(keys.length)];
            int at = out.indexOf(key + ":");
            if (at < 0) {
                at = out.indexOf(key);
                if (at < 0) {
                    continue;
                }
                out = out.substring(0, at) + key + ":" + value(r) + "," + out.substring(at);
                continue;
            }
            int start = at + key.length() + 1;
            int end = valueEnd(out, start);
            out = out.substring(0, start) + value(r) + out.substring(end);
        }
        return out;
    }

    static String value(Random r) {
        return pick(r, "null", "0", "-1", "1.5e308", "true", "\"\"", "[]", "{}", "[null]", "[[[]]]",
                "\"" + "x".repeat(100_000) + "\"", "\"<img src=x onerror=alert(1)>\"", "\"[x](https://evil.test)\"",
                "\"a/b/../c\"", "\"Patient/../../x\"", "\"\\u0000\"", "\"\\ud800\"", "{\"resourceType\":\"Bundle\"}",
                "{\"resourceType\":\"OperationOutcome\"}", "{\"resourceType\":\"Patient\",\"id\":\"other\"}",
                "\"http://127.0.0.1:1@169.254.169.254/\"", "\"http://169.254.169.254/latest\"", "\"file:///etc/passwd\"",
                "\"9999-99-99\"", "\"2024-02-30T25:61:00Z\"", "12345678901234567890123456789",
                "{\"entry\":{\"resource\":{}}}", "[{\"resource\":null}]", "\"*1/*1\"", "\"\\\"\"");
    }

    /** End of the JSON value starting at {@code start} (a rough scan: strings, nesting). */
    static int valueEnd(String s, int start) {
        int depth = 0;
        boolean string = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (string) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    string = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                continue;
            }
            if (c == '"') {
                string = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /**
     * Writes the request on another thread while this one reads the answer (a server may answer before it has read
     * the whole body, and closing then would otherwise lose its answer).
     *
     * @return the status code of the answer, or "no-answer"
     */
    static String send(int port, byte[] request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException e) {
                    // the service answered and closed before reading everything (413, 415, 405 …)
                }
            });
            writer.setDaemon(true);
            writer.start();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && line.length() < 200) {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            return parts.length > 1 && parts[0].startsWith("HTTP/") ? parts[1] : "no-answer";
        } catch (IOException e) {
            return "no-answer";
        }
    }
}
