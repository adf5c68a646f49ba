package io.firewatch.core;

import io.firewatch.core.model.Action;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.Provider;
import io.firewatch.core.normalize.DistinctRules;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One alert per change. CloudTrail writes one record per call, so AWS changes pass at once (redeliveries dropped);
 * Azure writes Start/Accept/Success records and GCP first/last operation entries, so those are held and merged by
 * change key until {@link #flush()} (or until too many are pending).
 */
final class Collapser {
    private static final int MAX_PENDING = 10_000;
    private static final int MAX_REMEMBERED = 100_000;

    private final Consumer<FirewallChange> release;
    private final Map<String, FirewallChange> pending = new LinkedHashMap<>();
    private final LinkedHashSet<Long> released = new LinkedHashSet<>();
    /** What an alert says when its event's time cannot be read: the alert time is never null (CONTRACT §2). */
    private final Instant scanTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Collapser(Consumer<FirewallChange> release) {
        this.release = release;
    }

    void add(FirewallChange change) {
        String key = key(change);
        if (released.contains(hash(key))) {
            return;
        }
        if (change.provider() == Provider.AWS) {
            emit(key, change);
            return;
        }
        pending.merge(key, change, Collapser::merge);
        if (pending.size() > MAX_PENDING) {
            Iterator<Map.Entry<String, FirewallChange>> oldest = pending.entrySet().iterator();
            Map.Entry<String, FirewallChange> e = oldest.next();
            oldest.remove();
            emit(e.getKey(), e.getValue());
        }
    }

    void flush() {
        List<Map.Entry<String, FirewallChange>> all = new ArrayList<>(pending.entrySet());
        pending.clear();
        for (Map.Entry<String, FirewallChange> e : all) {
            emit(e.getKey(), e.getValue());
        }
    }

    private void emit(String key, FirewallChange change) {
        if (change.time() == null) {
            List<String> notes = new ArrayList<>(change.notes());
            notes.add("the event's time could not be read: the alert carries the time of the scan (" + scanTime + ")");
            change = change.toBuilder().time(scanTime).notes(notes).build();
        }
        released.add(hash(key));
        if (released.size() > MAX_REMEMBERED) {
            Iterator<Long> it = released.iterator();
            it.next();
            it.remove();
        }
        release.accept(change);
    }

    static String key(FirewallChange c) {
        return c.provider().wire() + "|" + c.account() + "|"
                + (c.changeKey() != null ? c.changeKey() : c.eventId() + "|" + c.operation() + "|" + c.resource().id());
    }

    private static long hash(String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return h ^ ((long) key.hashCode() << 32);
    }

    /**
     * Combines two records of one change: the rules of both (repeats merged; read when either was read wholly), the
     * rest from whichever carries content, failure if either failed.
     */
    static FirewallChange merge(FirewallChange a, FirewallChange b) {
        boolean aContent = a.rulesKnown() && !a.rules().isEmpty();
        boolean bContent = b.rulesKnown() && !b.rules().isEmpty();
        FirewallChange content = aContent || !bContent && (a.rulesKnown() || !b.rulesKnown()) ? a : b;
        // A record without content explains why it has none; once another record supplied it, that is moot.
        List<String> notes = new ArrayList<>(content.notes());
        for (FirewallChange other : List.of(a, b)) {
            if (other != content && (other.rulesKnown() || !content.rulesKnown())) {
                other.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
            }
        }
        Map<String, String> tags = new LinkedHashMap<>(b.tags());
        tags.putAll(a.tags());
        // The record with the content knows best what the change did (a GCP patch that disables a rule); Azure's
        // Start record cannot tell a create from an update, the Accept record's "Created" can.
        Action action = content.rulesKnown() ? content.action() : a.action();
        if (action == Action.MODIFY && (a.action() == Action.CREATE || b.action() == Action.CREATE)) {
            action = Action.CREATE;
        }
        return a.toBuilder()
                .action(action)
                .target(content.rulesKnown() ? content.target() : a.target())
                .region(first(a.region(), b.region()))
                .time(a.time() == null ? b.time() : b.time() == null || a.time().isBefore(b.time()) ? a.time() : b.time())
                .outcome(a.outcome() == Outcome.FAILURE || b.outcome() == Outcome.FAILURE ? Outcome.FAILURE : Outcome.SUCCESS)
                .errorCode(first(a.errorCode(), b.errorCode()))
                .resource(new io.firewatch.core.model.ResourceRef(first(a.resource().id(), b.resource().id()),
                        first(a.resource().name(), b.resource().name()), first(a.resource().type(), b.resource().type())))
                .actor(new io.firewatch.core.model.Actor(first(a.actor().principal(), b.actor().principal()),
                        first(a.actor().type(), b.actor().type()), first(a.actor().sourceIp(), b.actor().sourceIp()),
                        first(a.actor().userAgent(), b.actor().userAgent())))
                .rules(DistinctRules.of(concat(content.rules(), content == a ? b.rules() : a.rules())),
                        a.rulesKnown() || b.rulesKnown())
                .previousRules(a.previousRules().isEmpty() ? b.previousRules() : a.previousRules())
                .tags(tags)
                .notes(notes)
                .raw(first(content.raw(), first(a.raw(), b.raw())))
                .build();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
