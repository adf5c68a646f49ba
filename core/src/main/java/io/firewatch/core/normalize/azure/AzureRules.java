package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads firewall rules out of an Azure resource body. The Activity Log normalizer uses it on request and response
 * bodies; the Azure function's ARM enricher uses {@link #fromResource} on the body of a {@code GET} of the changed
 * resource when Event Grid delivered no content.
 *
 * <p>Parsers are chosen by the {@code rules} column of {@code catalog/azure.csv}: {@code nsg-rule}, {@code nsg},
 * {@code azfw-rule-collection-group}, {@code azfw-rule-collection}, {@code azfw-classic}, {@code db-firewall-rule},
 * {@code ip-group} and {@code none}.
 */
public final class AzureRules {

    /**
     * Rules read from a body, and facts about the reading the alert should mention (parts left out, special values).
     *
     * @param complete false when a rule of the body could not be read and was left out
     */
    public record RuleSet(List<Rule> rules, List<String> notes, boolean complete) {
        public RuleSet {
            rules = List.copyOf(rules);
            notes = List.copyOf(notes);
        }
    }

    private AzureRules() {
    }

    /**
     * The rules an ARM resource states, as the detector judges them.
     *
     * <p>Accepts exactly what {@code GET https://management.azure.com{resourceUri}?api-version=...} returns for:
     * <ul>
     *   <li>{@code Microsoft.Network/networkSecurityGroups/securityRules}: one rule per destination port range;</li>
     *   <li>{@code Microsoft.Network/networkSecurityGroups}: every rule of {@code properties.securityRules}
     *       (the platform's {@code defaultSecurityRules} are not read);</li>
     *   <li>{@code Microsoft.Network/firewallPolicies/ruleCollectionGroups}: every rule of every collection;</li>
     *   <li>{@code Microsoft.Network/azureFirewalls}: the classic network, NAT and application rule collections (a
     *       firewall managed by a firewall policy has none: an empty list);</li>
     *   <li>{@code Microsoft.Sql/servers/firewallRules} and the PostgreSQL and MySQL flexible server equivalents.</li>
     * </ul>
     * A classic rule collection ({@code azureFirewalls/networkRuleCollections/write} and its NAT and application
     * siblings) has no GET of its own: pass the parent {@code azureFirewalls} body, and every collection of the
     * firewall is read.
     * The same bodies as written in a PUT request ({@code {"properties":{...}}}) are read the same way.
     *
     * @param operationOrType the operation that changed the resource ({@code Microsoft.Network/.../write}, in any
     *                        case) or its resource type; when null, the body's own {@code type} field is used
     * @param armResource     the parsed response body
     * @return the rules (possibly empty: an NSG without rules), or empty when the type is not one with rules or the
     *         body has no {@code properties} object (a 404 error body, for instance)
     */
    public static Optional<List<Rule>> fromResource(String operationOrType, JsonNode armResource) {
        return read(operationOrType, armResource).map(RuleSet::rules);
    }

    /** Like {@link #fromResource}, with the notes the alert's reasons should carry. */
    public static Optional<RuleSet> read(String operationOrType, JsonNode armResource) {
        OperationCatalog catalog = DefaultCatalog.INSTANCE;
        String hint = operationOrType != null ? operationOrType : Json.text(armResource, "type");
        return read(parserFor(catalog, hint), hint, armResource, null);
    }

    /** Reads a body with a named parser; {@code fallbackName} names a rule whose body does not. */
    static Optional<RuleSet> read(String parser, String operationOrType, JsonNode resource, String fallbackName) {
        if (parser == null || parser.equals("none") || resource == null || !Json.field(resource, "properties").isObject()) {
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>();
        List<Rule> rules = switch (parser) {
            case "nsg-rule" -> NsgRules.rule(resource, fallbackName, notes);
            case "nsg" -> NsgRules.group(resource, notes);
            case "azfw-rule-collection-group" -> FirewallRules.ruleCollectionGroup(resource, notes);
            case "azfw-rule-collection", "azfw-classic" -> FirewallRules.classic(resource, operationOrType, fallbackName, notes);
            case "db-firewall-rule" -> DbFirewallRules.rule(resource, operationOrType, fallbackName, notes);
            case "ip-group" -> IpGroups.addresses(resource, notes);
            default -> null;
        };
        boolean complete = notes.stream().noneMatch(n -> n.endsWith(RuleBits.LEFT_OUT));
        return rules == null ? Optional.empty() : Optional.of(new RuleSet(rules, notes, complete));
    }

    /** The parser of an operation, or of the first operation with a parser on that resource type. */
    static String parserFor(OperationCatalog catalog, String operationOrType) {
        if (operationOrType == null) {
            return null;
        }
        Operation op = catalog.azure(operationOrType);
        if (op != null) {
            return op.rules();
        }
        String type = operationOrType.strip().toLowerCase(Locale.ROOT);
        for (Operation o : catalog.operations(Provider.AZURE)) {
            if (!o.rules().equals("none") && o.resourceType().toLowerCase(Locale.ROOT).equals(type)) {
                return o.rules();
            }
        }
        return null;
    }

    private static final class DefaultCatalog {
        static final OperationCatalog INSTANCE = OperationCatalog.load();
    }
}
