package no.pgx.cds.fhir;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Decides which FHIR servers the service may call with a client's bearer token. URLs are parsed and compared by
 * scheme, host, port and path prefix (never as strings: {@code http://allowed@other/} names the host {@code other});
 * a URL with user-info, a query or a fragment is refused outright. With an allow-list only its servers are called.
 * Without one, any server is called whose every address is public: loopback, link-local (cloud metadata), private,
 * unique-local, carrier-grade NAT, multicast and unspecified addresses are refused unless
 * {@code pgx.fhir.allow-private-addresses=true}. Immutable, thread-safe.
 */
@Component
public class FhirServerPolicy {
    /** A parsed, normalised FHIR base URL. */
    record Server(String scheme, String host, int port, String path) {
        /** @return true when {@code other} is this server or a path below it */
        boolean covers(Server other) {
            return scheme.equals(other.scheme) && host.equals(other.host) && port == other.port
                    && (path.isEmpty() || other.path.equals(path) || other.path.startsWith(path + "/"));
        }

        String base() {
            boolean defaultPort = scheme.equals("https") ? port == 443 : port == 80;
            return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port)
                    + path;
        }
    }

    private final FhirProperties properties;
    private final List<Server> allowed = new ArrayList<>();

    /** @throws IllegalStateException for an allow-list entry that is not a plain http(s) base URL */
    public FhirServerPolicy(FhirProperties properties) {
        this.properties = properties;
        for (String entry : properties.allowedServers()) {
            try {
                allowed.add(parse(entry));
            } catch (FhirFetchException e) {
                throw new IllegalStateException("pgx.fhir.allowed-servers entry is not a usable base URL ("
                        + e.getMessage() + "): " + entry);
            }
        }
    }

    /**
     * @param fhirServer the {@code fhirServer} of a hook call
     * @return the normalised base URL to use
     * @throws FhirFetchException when the server may not be called (the message is for the log only)
     */
    Server check(String fhirServer) throws FhirFetchException {
        Server s = parse(fhirServer);
        if (properties.requireHttps() && !"https".equals(s.scheme())) {
            throw new FhirFetchException("fhirServer is not https");
        }
        if (!allowed.isEmpty()) {
            if (allowed.stream().noneMatch(a -> a.covers(s))) {
                throw new FhirFetchException("fhirServer is not on the allow-list");
            }
            return s;
        }
        if (!properties.allowPrivateAddresses()) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(s.host());
            } catch (UnknownHostException e) {
                throw new FhirFetchException("fhirServer host does not resolve");
            }
            for (InetAddress a : addresses) {
                if (!isPublic(a)) {
                    throw new FhirFetchException("fhirServer resolves to a loopback, link-local or private address");
                }
            }
        }
        return s;
    }

    /** @return true when {@code url} (a {@code next} link) is on the same server, at or below the base path */
    static boolean sameServer(Server base, String url) {
        try {
            return base.covers(parse(url, true));
        } catch (FhirFetchException e) {
            return false;
        }
    }

    static Server parse(String url) throws FhirFetchException {
        return parse(url, false);
    }

    private static Server parse(String url, boolean queryAllowed) throws FhirFetchException {
        if (url == null || url.isBlank()) {
            throw new FhirFetchException("no URL");
        }
        URI u;
        try {
            u = new URI(url.trim()).normalize();
        } catch (URISyntaxException e) {
            throw new FhirFetchException("not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FhirFetchException("not an http(s) URL");
        }
        if (u.getRawUserInfo() != null || u.getRawAuthority() != null && u.getRawAuthority().contains("@")) {
            throw new FhirFetchException("URL with user-info");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new FhirFetchException("URL without host");
        }
        if (!queryAllowed && (u.getRawQuery() != null || u.getRawFragment() != null)) {
            throw new FhirFetchException("base URL with query or fragment");
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.contains("/../") || path.endsWith("/..")) {
            throw new FhirFetchException("URL path leaves its root");
        }
        return new Server(scheme, host, port, path);
    }

    /** Globally routable unicast: not loopback, link-local, private, unique-local, CGNAT, multicast or unspecified. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 224;
    }
}
