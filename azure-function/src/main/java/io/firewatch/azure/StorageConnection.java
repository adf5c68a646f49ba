package io.firewatch.azure;

import io.firewatch.core.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an Azure Storage connection string the claim store needs: the Table service endpoint, the account
 * name and its key. Accepts {@code TableEndpoint=}, or {@code AccountName}/{@code AccountKey} with
 * {@code DefaultEndpointsProtocol} and {@code EndpointSuffix}, and Azurite's {@code UseDevelopmentStorage=true}.
 * Error messages name the setting and the missing part, never the key.
 */
record StorageConnection(URI tableEndpoint, String account, byte[] key) {
    /** Azurite's well-known development account (published by Microsoft for the emulator; not a secret). */
    static final String DEVELOPMENT_ACCOUNT = "devstoreaccount1";
    static final String DEVELOPMENT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    static StorageConnection parse(String setting, String text) {
        Map<String, String> parts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(setting + " is not a storage connection string (expected Name=value pairs separated by ';')");
            }
            parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        if ("true".equalsIgnoreCase(parts.get("UseDevelopmentStorage"))) {
            String proxy = parts.getOrDefault("DevelopmentStorageProxyUri", "http://127.0.0.1");
            return new StorageConnection(endpoint(setting, trimSlash(proxy) + ":10002/" + DEVELOPMENT_ACCOUNT),
                    DEVELOPMENT_ACCOUNT, Base64.getDecoder().decode(DEVELOPMENT_KEY));
        }
        if (parts.containsKey("SharedAccessSignature")) {
            throw new ConfigException(setting + ": shared access signatures are not supported; give AccountName and"
                    + " AccountKey, or use FIREWATCH_DEDUP_TABLE_URL with the managed identity");
        }
        String account = parts.get("AccountName");
        String key = parts.get("AccountKey");
        if (account == null || account.isEmpty() || key == null || key.isEmpty()) {
            throw new ConfigException(setting + " must name AccountName and AccountKey");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting + ": AccountKey is not base64");
        }
        String table = parts.get("TableEndpoint");
        if (table == null || table.isEmpty()) {
            String protocol = parts.getOrDefault("DefaultEndpointsProtocol", "https").toLowerCase(Locale.ROOT);
            String suffix = parts.getOrDefault("EndpointSuffix", "core.windows.net");
            table = protocol + "://" + account + ".table." + suffix;
        }
        return new StorageConnection(endpoint(setting, table), account, decoded);
    }

    private static URI endpoint(String setting, String text) {
        URI uri;
        try {
            uri = new URI(trimSlash(text));
        } catch (URISyntaxException e) {
            throw new ConfigException(setting + ": the Table endpoint is not a valid URL");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null) {
            throw new ConfigException(setting + ": the Table endpoint must be an http(s) URL without a query");
        }
        return uri;
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "StorageConnection[" + tableEndpoint + ", account " + account + "]";
    }
}
