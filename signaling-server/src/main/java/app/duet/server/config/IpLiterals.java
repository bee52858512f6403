package app.duet.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** IP address literals in one canonical form, so 127.0.0.1, ::1 and 0:0:0:0:0:0:0:1 compare as they should. */
public final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?");

    private IpLiterals() {
    }

    /**
     * The canonical form of an IP literal (brackets allowed), or empty if {@code s} is not one. Never
     * resolves names: only strings shaped like IPv4 or IPv6 literals reach {@link InetAddress#getByName}.
     */
    public static Optional<String> normalize(String s) {
        String literal = s.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        boolean v4 = IPV4.matcher(literal).matches();
        boolean v6 = literal.contains(":") && IPV6.matcher(literal).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Blank entries are skipped, so an empty option value means "none".
     * @throws IllegalArgumentException naming the first entry that is not an IP literal
     */
    public static Set<String> normalizeAll(Collection<String> literals, String option) {
        Set<String> result = new LinkedHashSet<>();
        for (String s : literals) {
            if (s.isBlank()) {
                continue;
            }
            result.add(normalize(s).orElseThrow(
                    () -> new IllegalArgumentException(option + ": not an IP address: '" + s + "'")));
        }
        return Set.copyOf(result);
    }
}
