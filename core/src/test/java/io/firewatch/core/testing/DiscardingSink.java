package io.firewatch.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;

/** A normalizer sink that drops everything: for tests that only care whether a normalizer throws. */
public final class DiscardingSink implements Normalizer.Sink {
    public static final DiscardingSink INSTANCE = new DiscardingSink();

    private DiscardingSink() {
    }

    @Override
    public void change(FirewallChange change) {
    }

    @Override
    public void nested(JsonNode document, Origin origin) {
    }

    @Override
    public void nestedBytes(byte[] content, Origin origin) {
    }

    @Override
    public void ignored(Origin origin, String why) {
    }

    @Override
    public void problem(Problem problem) {
    }
}
