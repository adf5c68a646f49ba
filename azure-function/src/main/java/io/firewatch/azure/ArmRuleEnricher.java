package io.firewatch.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.ChangeEnricher;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.Provider;
import io.firewatch.core.normalize.azure.AzureRules;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Event Grid events name the resource but not its rules. For successful writes to NSGs, security rules, Azure
 * Firewalls, firewall policy rule collection groups and database firewall rules, this reads the resource from Azure
 * Resource Manager with the function's managed identity and hands the detector the real rules. When it cannot, the
 * change goes on unchanged with a note saying why (the detector then reports {@code openToWorld: null}). Never throws.
 */
public final class ArmRuleEnricher implements ChangeEnricher {
    /** Set to {@code false} to turn lookups off (no identity, or no read access granted). */
    public static final String ENABLED = "FIREWATCH_ARM_ENRICHMENT";
    /** ARM base URL: another cloud's (e.g. {@code https://management.usgovcloudapi.net}) or a test server. */
    public static final String ARM_ENDPOINT = "FIREWATCH_ARM_ENDPOINT";
    public static final String IDENTITY_ENDPOINT = "IDENTITY_ENDPOINT";
    public static final String IDENTITY_HEADER = "IDENTITY_HEADER";
    static final String DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

    private static final String LOOKUP_FAILED = "rules not read from Azure Resource Manager: ";

    private final boolean enabled;
    private final ArmClient arm;
    private final ArmRuleParser parser;

    ArmRuleEnricher(boolean enabled, ArmClient arm, ArmRuleParser parser) {
        this.enabled = enabled;
        this.arm = arm;
        this.parser = parser;
    }

    /** Built from the Functions environment (identity endpoint and header, the variables above). */
    public static ArmRuleEnricher fromEnvironment(Map<String, String> env, ArmRuleParser parser) {
        return fromEnvironment(env, parser, EnrichmentLimits.DEFAULT);
    }

    static ArmRuleEnricher fromEnvironment(Map<String, String> env, ArmRuleParser parser, EnrichmentLimits limits) {
        boolean enabled = !"false".equalsIgnoreCase(blankToNull(env.get(ENABLED)));
        return new ArmRuleEnricher(enabled, armClient(env, limits), parser);
    }

    /** An ARM client with the managed identity of the Functions environment ({@link #ARM_ENDPOINT} or Azure's). */
    static ArmClient armClient(Map<String, String> env, EnrichmentLimits limits) {
        String base = blankToNull(env.get(ARM_ENDPOINT));
        base = base == null ? DEFAULT_ARM_ENDPOINT : base;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(limits.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String resource = base.endsWith("/") ? base : base + "/";
        ManagedIdentityTokens tokens = new ManagedIdentityTokens(http, blankToNull(env.get(IDENTITY_ENDPOINT)),
                blankToNull(env.get(IDENTITY_HEADER)), resource, Clock.systemUTC());
        return new ArmClient(http, base, tokens, limits);
    }

    @Override
    public FirewallChange enrich(FirewallChange change) {
        try {
            return lookUp(change);
        } catch (RuntimeException e) {
            return withNote(change, LOOKUP_FAILED + "unexpected " + e.getClass().getSimpleName());
        }
    }

    private FirewallChange lookUp(FirewallChange change) {
        if (change.provider() != Provider.AZURE || change.rulesKnown() || change.outcome() != Outcome.SUCCESS) {
            return change;
        }
        Optional<String> apiVersion = EnrichableOperations.apiVersion(change.operation());
        if (apiVersion.isEmpty()) {
            return change;
        }
        if (!enabled) {
            return withNote(change, LOOKUP_FAILED + "enrichment is off (" + ENABLED + "=false)");
        }
        String resourceId = change.resource().id();
        if (resourceId == null) {
            return withNote(change, LOOKUP_FAILED + "the event names no resource id");
        }
        ArmReadResult result = arm.read(resourceId, apiVersion.get());
        if (result instanceof ArmReadResult.NotFound) {
            return withNote(change, LOOKUP_FAILED + "the resource no longer exists (HTTP 404: deleted after the change)");
        }
        if (result instanceof ArmReadResult.Failed failed) {
            return withNote(change, LOOKUP_FAILED + failed.why());
        }
        JsonNode resource = ((ArmReadResult.Found) result).resource();
        Optional<AzureRules.RuleSet> read = parser.rules(change.operation(), resource);
        if (read.isEmpty()) {
            return withNote(change, LOOKUP_FAILED + "the resource holds no rules Firewatch can read");
        }
        List<String> notes = new ArrayList<>(change.notes());
        notes.addAll(read.get().notes());
        FirewallChange.Builder b = change.toBuilder().rules(read.get().rules(), read.get().complete()).notes(notes);
        String location = resource.path("location").asText("");
        if (change.region() == null && !location.isBlank()) {
            b.region(location);
        }
        return b.build();
    }

    private static FirewallChange withNote(FirewallChange change, String note) {
        List<String> notes = new ArrayList<>(change.notes());
        notes.add(note);
        return change.toBuilder().notes(notes).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
