package io.firewatch.core.config;

import io.firewatch.core.detect.AddressSpace;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.Severity;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One allow-list entry. Every field it sets must match (a user agent alone is easy to forge, so pair it with a
 * principal); an entry with {@code maxSeverity} suppresses only alerts up to that severity.
 *
 * @param principal  exact value or glob ({@code *} any run, {@code ?} one character), case-sensitive
 * @param operation  exact value or glob; case-sensitive, except for Azure, whose logs write the same operation as
 *                   {@code Microsoft.Network/...} and {@code MICROSOFT.NETWORK/...}
 * @param callerCidr the caller's source IP must lie in this CIDR
 */
public record AllowRule(String name, String provider, String account, String principal, String userAgent,
                        String callerCidr, String operation, Map<String, String> resourceTag, Severity maxSeverity) {

    public AllowRule {
        resourceTag = resourceTag == null ? Map.of() : Map.copyOf(resourceTag);
    }

    public boolean matches(FirewallChange change, Severity severity) {
        if (maxSeverity != null && severity.compareTo(maxSeverity) > 0) {
            return false;
        }
        return (provider == null || provider.equalsIgnoreCase(change.provider().wire()))
                && (account == null || glob(account, change.account()))
                && (principal == null || glob(principal, change.actor().principal()))
                && (userAgent == null || glob(userAgent, change.actor().userAgent()))
                && (operation == null || operationMatches(change))
                && (callerCidr == null || inCidr(change.actor().sourceIp()))
                && resourceTag.entrySet().stream().allMatch(t -> t.getValue().equals(change.tags().get(t.getKey())));
    }

    private boolean operationMatches(FirewallChange change) {
        if (change.provider() == Provider.AZURE && change.operation() != null) {
            return glob(operation.toLowerCase(Locale.ROOT), change.operation().toLowerCase(Locale.ROOT));
        }
        return glob(operation, change.operation());
    }

    private boolean inCidr(String ip) {
        if (ip == null) {
            return false;
        }
        AddressSpace.Source caller = AddressSpace.parse(ip);
        AddressSpace.Source allowed = AddressSpace.parse(callerCidr);
        if (caller.first() == null || allowed.first() == null || caller.kind() != allowed.kind()) {
            return false;
        }
        BigInteger value = caller.first();
        return value.compareTo(allowed.first()) >= 0 && value.compareTo(allowed.last()) <= 0;
    }

    static boolean glob(String pattern, String value) {
        if (value == null) {
            return false;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
