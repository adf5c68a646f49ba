package io.firewatch.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change to a cloud firewall, the same shape for every provider. Normalizers build it; the detector judges it.
 *
 * @param operation     the provider's own operation name, exactly as in the event
 * @param rules         the rules the change adds or sets (create, modify, enable), or removes (delete, disable)
 * @param rulesKnown    false when the event does not carry the rule content (Event Grid, deletes by id); the
 *                      detector then says so and errs on the side of caution
 * @param previousRules the rules before the change, where the event carries them (GCP resourceOriginalState)
 * @param errorCode     the provider's error code of a failed call, else null
 * @param changeKey     what identifies this change across duplicate records and transports (CloudTrail eventID,
 *                      Azure correlationId + operation + resource, GCP operation id or insertId)
 * @param eventId       the provider's id of the source event, as reported in the alert
 * @param tags          resource tags or labels where the event carries them (allow-lists can match them)
 * @param notes         facts the normalizer wants the alert's reasons to carry (e.g. an unknown prefix list)
 * @param raw           the source record, kept for renderers that show it
 */
public record FirewallChange(
        Provider provider,
        String account,
        String region,
        Instant time,
        String operation,
        Action action,
        Target target,
        Outcome outcome,
        String errorCode,
        ResourceRef resource,
        Actor actor,
        List<Rule> rules,
        boolean rulesKnown,
        List<Rule> previousRules,
        String eventId,
        String changeKey,
        Map<String, String> tags,
        List<String> notes,
        JsonNode raw) {

    public FirewallChange {
        if (provider == null || operation == null || action == null || target == null || outcome == null) {
            throw new IllegalArgumentException("provider, operation, action, target and outcome are required");
        }
        resource = resource == null ? new ResourceRef(null, null, null) : resource;
        actor = actor == null ? Actor.UNKNOWN : actor;
        rules = List.copyOf(rules == null ? List.of() : rules);
        previousRules = List.copyOf(previousRules == null ? List.of() : previousRules);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    public static Builder builder(Provider provider) {
        return new Builder(provider);
    }

    public Builder toBuilder() {
        return new Builder(provider).account(account).region(region).time(time).operation(operation).action(action)
                .target(target).outcome(outcome).errorCode(errorCode).resource(resource).actor(actor)
                .rules(rules, rulesKnown).previousRules(previousRules).eventId(eventId).changeKey(changeKey)
                .tags(tags).notes(notes).raw(raw);
    }

    /** Normalizers fill a change field by field; the record validates on {@link #build()}. */
    public static final class Builder {
        private final Provider provider;
        private String account;
        private String region;
        private Instant time;
        private String operation;
        private Action action;
        private Target target;
        private Outcome outcome = Outcome.SUCCESS;
        private String errorCode;
        private ResourceRef resource;
        private Actor actor;
        private List<Rule> rules = List.of();
        private boolean rulesKnown = true;
        private List<Rule> previousRules = List.of();
        private String eventId;
        private String changeKey;
        private Map<String, String> tags = Map.of();
        private List<String> notes = List.of();
        private JsonNode raw;

        private Builder(Provider provider) {
            this.provider = provider;
        }

        public Builder account(String v) { this.account = v; return this; }
        public Builder region(String v) { this.region = v; return this; }
        public Builder time(Instant v) { this.time = v; return this; }
        public Builder operation(String v) { this.operation = v; return this; }
        public Builder action(Action v) { this.action = v; return this; }
        public Builder target(Target v) { this.target = v; return this; }
        public Builder outcome(Outcome v) { this.outcome = v; return this; }
        public Builder errorCode(String v) { this.errorCode = v; return this; }
        public Builder resource(ResourceRef v) { this.resource = v; return this; }
        public Builder actor(Actor v) { this.actor = v; return this; }
        public Builder rules(List<Rule> v, boolean known) { this.rules = v; this.rulesKnown = known; return this; }
        public Builder previousRules(List<Rule> v) { this.previousRules = v; return this; }
        public Builder eventId(String v) { this.eventId = v; return this; }
        public Builder changeKey(String v) { this.changeKey = v; return this; }
        public Builder tags(Map<String, String> v) { this.tags = v; return this; }
        public Builder notes(List<String> v) { this.notes = v; return this; }
        public Builder raw(JsonNode v) { this.raw = v; return this; }

        public Action action() { return action; }
        public Target target() { return target; }

        public FirewallChange build() {
            return new FirewallChange(provider, account, region, time, operation, action, target, outcome, errorCode,
                    resource, actor, rules, rulesKnown, previousRules, eventId, changeKey, tags, notes, raw);
        }
    }
}
