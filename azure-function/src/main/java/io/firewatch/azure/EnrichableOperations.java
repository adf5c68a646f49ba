package io.firewatch.azure;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The write operations whose resource holds rules worth reading from ARM, with the GA api-version each read pins.
 * Compared case-insensitively: the Activity Log writes operation names in upper case.
 */
final class EnrichableOperations {
    private static final String NETWORK = "2024-05-01";

    private static final Map<String, String> API_VERSIONS = Map.of(
            "microsoft.network/networksecuritygroups/write", NETWORK,
            "microsoft.network/networksecuritygroups/securityrules/write", NETWORK,
            "microsoft.network/azurefirewalls/write", NETWORK,
            "microsoft.network/firewallpolicies/rulecollectiongroups/write", NETWORK,
            "microsoft.sql/servers/firewallrules/write", "2021-11-01",
            "microsoft.dbformysql/flexibleservers/firewallrules/write", "2023-12-30",
            "microsoft.dbforpostgresql/flexibleservers/firewallrules/write", "2024-08-01");

    private EnrichableOperations() {
    }

    static Optional<String> apiVersion(String operation) {
        return operation == null ? Optional.empty()
                : Optional.ofNullable(API_VERSIONS.get(operation.toLowerCase(Locale.ROOT)));
    }
}
