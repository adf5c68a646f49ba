package io.firewatch.core.detect;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a set of rule sources admits the whole internet. Addresses are parsed, never string-matched:
 * {@code 0.0.0.0/0}, {@code ::/0}, Azure's {@code *}, {@code Any} and {@code Internet}, IPv4 ranges
 * ({@code 0.0.0.0-255.255.255.255}) and sets of CIDRs that together cover an address family
 * ({@code 0.0.0.0/1} + {@code 128.0.0.0/1}) all count. A malformed address is never the world.
 */
public final class AddressSpace {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final BigInteger V4_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final BigInteger V6_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** How a source string reads. */
    public enum Kind { ANY, IPV4, IPV6, OTHER, MALFORMED }

    /** One parsed source; {@code first..last} is its address interval for IPV4/IPV6. */
    public record Source(String text, Kind kind, BigInteger first, BigInteger last) {
    }

    /** The verdict on a set of sources. */
    public record Coverage(boolean world, List<String> worldSources, List<String> malformed) {
    }

    private AddressSpace() {
    }

    public static Coverage cover(List<String> sources) {
        List<Source> parsed = new ArrayList<>();
        for (String s : sources) {
            parsed.add(parse(s));
        }
        List<String> malformed = parsed.stream().filter(p -> p.kind() == Kind.MALFORMED).map(Source::text).toList();
        List<String> any = parsed.stream().filter(p -> p.kind() == Kind.ANY).map(Source::text).toList();
        boolean v4 = covers(parsed, Kind.IPV4, V4_MAX);
        boolean v6 = covers(parsed, Kind.IPV6, V6_MAX);
        List<String> world = new ArrayList<>(any);
        if (v4) {
            parsed.stream().filter(p -> p.kind() == Kind.IPV4).map(Source::text).forEach(world::add);
        }
        if (v6) {
            parsed.stream().filter(p -> p.kind() == Kind.IPV6).map(Source::text).forEach(world::add);
        }
        return new Coverage(!world.isEmpty(), List.copyOf(world), malformed);
    }

    /** Parses one source as a provider writes it. Strings with stray spaces are malformed, not trimmed. */
    public static Source parse(String text) {
        if (text == null || text.isEmpty()) {
            return new Source(String.valueOf(text), Kind.MALFORMED, null, null);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.equals("*") || lower.equals("any") || lower.equals("internet")) {
            return new Source(text, Kind.ANY, null, null);
        }
        int dash = text.indexOf('-');
        if (dash > 0 && text.indexOf('/') < 0 && IPV4.matcher(text.substring(0, dash)).matches()) {
            Source from = parse(text.substring(0, dash));
            Source to = parse(text.substring(dash + 1));
            if (from.kind() == Kind.IPV4 && to.kind() == Kind.IPV4 && from.first().compareTo(to.first()) <= 0) {
                return new Source(text, Kind.IPV4, from.first(), to.first());
            }
            return new Source(text, Kind.MALFORMED, null, null);
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        String prefix = slash < 0 ? null : text.substring(slash + 1);
        if (IPV4.matcher(address).matches()) {
            return range(text, Kind.IPV4, v4(address), 32, prefix);
        }
        if (address.indexOf(':') >= 0 && IPV6_CHARS.matcher(address).matches()) {
            BigInteger value = v6(address);
            return value == null ? new Source(text, Kind.MALFORMED, null, null) : range(text, Kind.IPV6, value, 128, prefix);
        }
        return new Source(text, looksLikeAddress(text) ? Kind.MALFORMED : Kind.OTHER, null, null);
    }

    private static Source range(String text, Kind kind, BigInteger address, int bits, String prefix) {
        int length = bits;
        if (prefix != null) {
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                return new Source(text, Kind.MALFORMED, null, null);
            }
            length = Integer.parseInt(prefix);
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
        BigInteger first = address.andNot(hostMask);
        return new Source(text, kind, first, first.or(hostMask));
    }

    private static boolean covers(List<Source> sources, Kind kind, BigInteger max) {
        List<Source> ranges = new ArrayList<>(sources.stream().filter(s -> s.kind() == kind).toList());
        if (ranges.isEmpty()) {
            return false;
        }
        ranges.sort(Comparator.comparing(Source::first));
        BigInteger next = BigInteger.ZERO;
        for (Source r : ranges) {
            if (r.first().compareTo(next) > 0) {
                return false;
            }
            if (r.last().compareTo(next) >= 0) {
                if (r.last().equals(max)) {
                    return true;
                }
                next = r.last().add(BigInteger.ONE);
            }
        }
        return false;
    }

    private static BigInteger v4(String dotted) {
        long value = 0;
        for (String part : dotted.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return BigInteger.valueOf(value);
    }

    private static BigInteger v6(String literal) {
        if (literal.startsWith(":") && !literal.startsWith("::") || literal.endsWith(":") && !literal.endsWith("::")) {
            return null;
        }
        try {
            // A literal made only of hex digits, colons and dots is parsed without any name lookup.
            byte[] bytes = InetAddress.getByName("[" + literal + "]").getAddress();
            if (bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return new BigInteger(1, bytes);
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    private static boolean looksLikeAddress(String text) {
        return text.matches("[\\s0-9A-Fa-f:./-]+") && text.chars().anyMatch(Character::isDigit);
    }
}
