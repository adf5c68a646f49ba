package io.firewatch.core.sink;

import io.firewatch.core.config.ConfigException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks sink settings from the environment. Messages name the variable and what is wrong with it, never a secret
 * value (the webhook URL, the SMTP password).
 */
public final class SinkSettings {
    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+\\]");
    private static final int DEFAULT_PORT = 587;
    private static final int PLAIN_PORT = 25;
    private static final int IMPLICIT_TLS_PORT = 465;

    private SinkSettings() {
    }

    /** True for a value that names a secret rather than holding it (a Secrets Manager ARN). */
    public static boolean isSecretReference(String value) {
        return value != null && SECRET_ARN.matcher(value.strip()).matches();
    }

    /** The Teams webhook: an https URL (http only to this machine, for tests), not a retired Office 365 connector. */
    public static URI webhook(String variable, String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(variable + ": not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(host))) {
            throw new ConfigException(variable + ": must be an https:// URL with a host (the Workflows webhook URL)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigException(variable + ": must not carry user information");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith("webhook.office.com") || h.equals("outlook.office.com") || h.endsWith(".outlook.office.com")) {
            throw new ConfigException(variable + ": this is an Office 365 connector URL; connectors were retired in 2026."
                    + " Create a Teams Workflows webhook instead (docs/delivery.md)");
        }
        return uri;
    }

    /** Email settings from the raw variables; throws {@link ConfigException} naming the first bad or missing one. */
    public static SmtpSettings smtp(String host, String port, String starttls, String username, String password,
                                    String from, String to) {
        require("FIREWATCH_SMTP_HOST", host);
        require("FIREWATCH_EMAIL_FROM", from);
        require("FIREWATCH_EMAIL_TO", to);
        String h = host.strip();
        if (!HOST.matcher(h).matches()) {
            throw new ConfigException("FIREWATCH_SMTP_HOST: not a host name or address");
        }
        boolean useStarttls = parseBoolean("FIREWATCH_SMTP_STARTTLS", starttls, true);
        Integer p = port == null ? null : parsePort(port);
        SmtpSettings.Security security;
        if (p != null && p == IMPLICIT_TLS_PORT) {
            security = SmtpSettings.Security.IMPLICIT_TLS;
        } else {
            security = useStarttls ? SmtpSettings.Security.STARTTLS : SmtpSettings.Security.NONE;
        }
        int effectivePort = p != null ? p : useStarttls ? DEFAULT_PORT : PLAIN_PORT;
        if (username != null && password == null) {
            throw new ConfigException("FIREWATCH_SMTP_PASSWORD: required when FIREWATCH_SMTP_USERNAME is set");
        }
        if (username != null && username.matches(".*[\\r\\n].*")) {
            throw new ConfigException("FIREWATCH_SMTP_USERNAME: must be one line");
        }
        String sender = address("FIREWATCH_EMAIL_FROM", from.strip());
        List<String> recipients = new ArrayList<>();
        for (String part : to.split("[,;]")) {
            if (!part.isBlank()) {
                recipients.add(address("FIREWATCH_EMAIL_TO", part.strip()));
            }
        }
        if (recipients.isEmpty()) {
            throw new ConfigException("FIREWATCH_EMAIL_TO: no recipient address");
        }
        return new SmtpSettings(h, effectivePort, security, username == null ? null : username.strip(), password,
                sender, recipients);
    }

    private static void require(String variable, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(variable + ": required for email (FIREWATCH_SMTP_HOST, FIREWATCH_EMAIL_FROM and"
                    + " FIREWATCH_EMAIL_TO go together)");
        }
    }

    private static int parsePort(String value) {
        try {
            int p = Integer.parseInt(value.strip());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("FIREWATCH_SMTP_PORT: '" + value.strip() + "' is not a port number (1-65535)");
    }

    private static boolean parseBoolean(String variable, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(variable + ": expected true or false, got '" + value.strip() + "'");
        };
    }

    private static String address(String variable, String value) {
        try {
            if (value.matches(".*[\\r\\n].*")) {
                throw new AddressException("line break");
            }
            InternetAddress a = new InternetAddress(value, true);
            a.validate();
            return a.toString();
        } catch (AddressException e) {
            throw new ConfigException(variable + ": '" + value.replaceAll("[\\r\\n]", " ") + "' is not an email address");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
