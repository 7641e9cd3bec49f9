package dev.nangojvm.bindings.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IP literal parsing the way a WHATWG URL parser does it (so {@code 2130706433}, {@code 0177.0.0.1}
 * and {@code 0x7f.1} all become {@code 127.0.0.1}), and classification of addresses the egress
 * guard must refuse. Works on raw bytes so {@code ::ffff:a.b.c.d} is never silently turned into
 * an IPv4 address by {@link java.net.InetAddress}.
 */
final class IpAddresses {

    /** Why an address is refused; {@code null} from {@link #classify} means public. */
    enum Range { LOOPBACK, UNSPECIFIED, PRIVATE, LINK_LOCAL, RESERVED }

    private IpAddresses() {
    }

    /** True when the last dot-separated label is numeric, i.e. the host must parse as IPv4. */
    static boolean endsInNumber(String host) {
        List<String> parts = new ArrayList<>(List.of(host.split("\\.", -1)));
        if (parts.getLast().isEmpty()) {
            if (parts.size() == 1) {
                return false;
            }
            parts.removeLast();
        }
        String last = parts.getLast();
        return !last.isEmpty() && (last.chars().allMatch(c -> c >= '0' && c <= '9')
                || last.matches("(?i)0x[0-9a-f]*"));
    }

    /** WHATWG IPv4 parser: 1 to 4 decimal, octal or hex parts. Returns null when it is not an IPv4 address. */
    static byte[] parseIpv4(String host) {
        List<String> parts = new ArrayList<>(List.of(host.split("\\.", -1)));
        if (parts.getLast().isEmpty() && parts.size() > 1) {
            parts.removeLast();
        }
        if (parts.size() > 4) {
            return null;
        }
        long[] numbers = new long[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Long n = parseIpv4Number(parts.get(i));
            if (n == null) {
                return null;
            }
            numbers[i] = n;
        }
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return null;
            }
        }
        long last = numbers[numbers.length - 1];
        if (last >= (1L << (8 * (5 - numbers.length)))) {
            return null;
        }
        long ipv4 = last;
        for (int i = 0; i < numbers.length - 1; i++) {
            ipv4 += numbers[i] << (8 * (3 - i));
        }
        return new byte[] {(byte) (ipv4 >>> 24), (byte) (ipv4 >>> 16), (byte) (ipv4 >>> 8), (byte) ipv4};
    }

    private static Long parseIpv4Number(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = s;
        if (s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            radix = 16;
            digits = s.substring(2);
        } else if (s.length() >= 2 && s.charAt(0) == '0') {
            radix = 8;
            digits = s.substring(1);
        }
        if (digits.isEmpty()) {
            return 0L;
        }
        try {
            java.math.BigInteger v = new java.math.BigInteger(digits, radix);
            return v.bitLength() > 40 ? Long.MAX_VALUE : v.longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses an IPv6 literal without brackets; returns 16 bytes or null. */
    static byte[] parseIpv6(String input) {
        String s = input.toLowerCase(Locale.ROOT);
        int[] pieces = new int[8];
        String head = s;
        String tail = "";
        int dc = s.indexOf("::");
        if (dc >= 0) {
            if (s.indexOf("::", dc + 1) >= 0) {
                return null;
            }
            head = s.substring(0, dc);
            tail = s.substring(dc + 2);
        }
        List<Integer> left = hextets(head, dc < 0);
        List<Integer> right = dc < 0 ? List.of() : hextets(tail, true);
        if (left == null || right == null) {
            return null;
        }
        int total = left.size() + right.size();
        if (dc < 0 ? total != 8 : total > 7) {
            return null;
        }
        for (int i = 0; i < left.size(); i++) {
            pieces[i] = left.get(i);
        }
        for (int i = 0; i < right.size(); i++) {
            pieces[8 - right.size() + i] = right.get(i);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (pieces[i] >>> 8);
            out[2 * i + 1] = (byte) pieces[i];
        }
        return out;
    }

    /** Colon-separated hextets, the last one possibly a dotted IPv4 (two hextets). */
    private static List<Integer> hextets(String part, boolean mayEndInIpv4) {
        List<Integer> out = new ArrayList<>();
        if (part.isEmpty()) {
            return out;
        }
        String[] groups = part.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && mayEndInIpv4 && g.contains(".")) {
                byte[] v4 = g.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? dotted(g) : null;
                if (v4 == null) {
                    return null;
                }
                out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
            } else if (g.matches("[0-9a-f]{1,4}")) {
                out.add(Integer.parseInt(g, 16));
            } else {
                return null;
            }
        }
        return out;
    }

    private static byte[] dotted(String s) {
        String[] p = s.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(p[i]);
            if (v > 255 || (p[i].length() > 1 && p[i].startsWith("0"))) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    /** WHATWG IPv6 serialisation: lower-case, longest zero run compressed, no embedded IPv4. */
    static String formatIpv6(byte[] a) {
        int[] p = new int[8];
        for (int i = 0; i < 8; i++) {
            p[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && p[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(Integer.toHexString(p[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    static String formatIpv4(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }

    /** The refused range an address falls in, or null when it is a public unicast address. */
    static Range classify(byte[] a) {
        return a.length == 4 ? classifyV4(a) : classifyV6(a);
    }

    private static Range classifyV4(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        if (a == 127) {
            return Range.LOOPBACK;
        }
        if (a == 0) {
            return Range.UNSPECIFIED;
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 100 && b >= 64 && b <= 127)) {
            return Range.PRIVATE;
        }
        if (a == 169 && b == 254) {
            return Range.LINK_LOCAL;
        }
        // Multicast, the old class E block and broadcast are never a provider API.
        return a >= 224 ? Range.RESERVED : null;
    }

    private static Range classifyV6(byte[] ip) {
        int[] h = new int[8];
        for (int i = 0; i < 8; i++) {
            h[i] = ((ip[2 * i] & 0xff) << 8) | (ip[2 * i + 1] & 0xff);
        }
        boolean firstFiveZero = h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0 && h[4] == 0;
        if (firstFiveZero && h[5] == 0 && h[6] == 0 && h[7] == 0) {
            return Range.UNSPECIFIED;
        }
        if (firstFiveZero && h[5] == 0 && h[6] == 0 && h[7] == 1) {
            return Range.LOOPBACK;
        }
        if (firstFiveZero && (h[5] == 0xffff || h[5] == 0)) {
            return classifyV4(embedded(h[6], h[7]));            // IPv4-mapped and IPv4-compatible
        }
        if (h[0] == 0x64 && h[1] == 0xff9b) {                       // NAT64 (RFC 6052 / 8215)
            return h[2] == 1 ? Range.PRIVATE : classifyV4(embedded(h[6], h[7]));
        }
        if (h[0] == 0x2002) {                                       // 6to4 carries an IPv4 address
            return classifyV4(embedded(h[1], h[2]));
        }
        if (h[0] == 0x2001 && h[1] == 0) {                          // Teredo
            return Range.PRIVATE;
        }
        if ((h[0] & 0xffc0) == 0xfe80 || (h[0] & 0xffc0) == 0xfec0) {
            return Range.LINK_LOCAL;
        }
        if ((h[0] & 0xfe00) == 0xfc00) {
            return Range.PRIVATE;
        }
        return (h[0] & 0xff00) == 0xff00 ? Range.RESERVED : null;
    }

    private static byte[] embedded(int hi, int lo) {
        return new byte[] {(byte) (hi >>> 8), (byte) hi, (byte) (lo >>> 8), (byte) lo};
    }
}
