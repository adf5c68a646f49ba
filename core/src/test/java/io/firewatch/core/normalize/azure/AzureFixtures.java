package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.model.Rule;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/** Reads pieces of the Azure fixtures, so tests never carry event JSON of their own. */
final class AzureFixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AzureFixtures() {
    }

    static JsonNode tree(String fixture) {
        try {
            return MAPPER.readTree(Fixtures.bytes(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record of an Activity Log export fixture. */
    static JsonNode record(String fixture, int index) {
        return tree(fixture).get("records").get(index);
    }

    /** One record of an export fixture as the bytes of a document on its own. */
    static byte[] recordBytes(String fixture, int index) {
        try {
            return MAPPER.writeValueAsBytes(record(fixture, index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record's response body, parsed from its string form when needed: the body of an ARM GET. */
    static JsonNode responseBody(String fixture, int index) {
        JsonNode body = record(fixture, index).get("properties").get("responseBody");
        try {
            return body.isTextual() ? MAPPER.readTree(body.asText()) : body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ingress allow tcp 3389 [*]}: a rule in one line, for tables. */
    static String describe(Rule r) {
        return r.direction().name().toLowerCase() + " " + r.access().wire() + " " + r.protocol() + " "
                + (r.ports() == null ? "-" : r.ports().toString()) + " "
                + r.sources().stream().collect(Collectors.joining(",", "[", "]"));
    }
}
