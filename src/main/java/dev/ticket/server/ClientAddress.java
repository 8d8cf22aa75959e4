package dev.ticket.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressPattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who a request comes from: the peer's address, or, when the peer is one of the trusted proxies
 * ({@code --trusted-proxy CIDR}), the address those proxies recorded in {@code Forwarded} or
 * {@code X-Forwarded-For}: the right-most entry that is not itself a trusted proxy (entries further left are
 * whatever the client chose to send). Untrusted peers' forwarding headers are ignored, so nobody can pose as
 * another address to dodge the failed-login throttle.
 */
final class ClientAddress {
    /** An IP literal (v4, or v6 with hex digits and colons): header values are never looked up in DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}");

    private final InetAddressSet trusted = new InetAddressSet();

    ClientAddress(List<String> trustedProxies) {
        for (String cidr : trustedProxies) {
            InetAddressPattern.from(cidr); // throws IllegalArgumentException on a malformed pattern
            trusted.add(cidr);
        }
    }

    /** Checks a {@code --trusted-proxy} value; the message names what is wrong. */
    static void validate(String cidr) {
        try {
            InetAddressPattern.from(cidr.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--trusted-proxy takes an address or CIDR range such as 10.0.0.0/8, "
                    + "not '" + cidr + "'");
        }
    }

    /** The client's address for a request from {@code peer} with these forwarding headers (either may be null). */
    String of(String peer, String forwarded, String xForwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null ? forwardedFor(forwarded) : xForwardedFor != null
                ? List.of(xForwardedFor.split(",")) : List.of();
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = clean(chain.get(i));
            if (hop == null) {
                return peer; // something we cannot read: keep the address we know
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        InetAddress ip = parse(address);
        return ip != null && trusted.test(ip);
    }

    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String p = pair.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                    hops.add(p.substring(4));
                }
            }
        }
        return hops;
    }

    /** An address without quotes, brackets or port; null when it is not an IP literal. */
    private static String clean(String hop) {
        String h = hop.strip();
        if (h.startsWith("\"") && h.endsWith("\"") && h.length() >= 2) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            h = close > 0 ? h.substring(1, close) : h;
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') > 0) {
            h = h.substring(0, h.indexOf(':')); // v4 with a port
        }
        return parse(h) == null ? null : h;
    }

    private static InetAddress parse(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
