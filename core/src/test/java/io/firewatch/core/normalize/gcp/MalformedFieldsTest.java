package io.firewatch.core.normalize.gcp;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input is normal input: every field of every GCP fixture, replaced in turn by null, a number, a string, an
 * empty list and an empty object, must never make a GCP normalizer throw.
 */
class MalformedFieldsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<Supplier<JsonNode>> REPLACEMENTS = List.of(F::nullNode, () -> F.numberNode(-7),
            () -> F.textNode("0.0.0.0/33"), F::arrayNode, F::objectNode);

    @TestFactory
    Stream<DynamicTest> noFieldValueMakesANormalizerThrow() {
        List<Normalizer> normalizers = GcpNormalizers.create(OperationCatalog.load());
        return Fixtures.all().stream().filter(f -> f.startsWith("gcp/logentry/") || f.startsWith("gcp/eventarc/"))
                .map(f -> DynamicTest.dynamicTest(f, () -> {
                    JsonNode doc = MAPPER.readTree(Fixtures.bytes(f));
                    for (JsonNode root : doc.isArray() ? iterable(doc) : List.of(doc)) {
                        for (JsonNode variant : variants(root)) {
                            for (Normalizer n : normalizers) {
                                assertThatCode(() -> {
                                    if (n.recognizes(variant)) {
                                        n.normalize(variant, Origin.of(f), new Discard());
                                    }
                                }).as("%s with a field replaced", f).doesNotThrowAnyException();
                            }
                        }
                    }
                }));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** The document once per (field, replacement). */
    private static List<JsonNode> variants(JsonNode root) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        collect(root, "", pointers);
        for (String pointer : pointers) {
            for (Supplier<JsonNode> replacement : REPLACEMENTS) {
                JsonNode copy = root.deepCopy();
                replace(copy, pointer, replacement.get());
                out.add(copy);
            }
        }
        return out;
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String p = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                out.add(p);
                collect(node.get(name), p, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(pointer + "/" + i);
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }

    private static final class Discard implements Normalizer.Sink {
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
}
