package io.firewatch.core.normalize.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.ingest.DocumentReader;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input is normal input: every field of every AWS fixture, replaced in turn by a value of each other JSON type,
 * must be normalized without an exception escaping.
 */
class WrongTypesEverywhereTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Normalizer> AWS = AwsNormalizers.create(OperationCatalog.load());

    @TestFactory
    Stream<DynamicTest> noFieldOfAnyTypeCrashesANormalizer() {
        return Fixtures.all().stream().filter(f -> f.startsWith("aws/") || f.contains("/aws-"))
                .map(f -> DynamicTest.dynamicTest(f, () -> {
                    int[] runs = {0};
                    for (JsonNode document : documents(f)) {
                        mutations(document, mutated -> {
                            runs[0]++;
                            for (Normalizer n : AWS) {
                                if (n.recognizes(mutated)) {
                                    n.normalize(mutated, Origin.of(f), QUIET);
                                    break;
                                }
                            }
                        });
                    }
                    assertThat(runs[0]).as("mutations tried").isPositive();
                }));
    }

    private static List<JsonNode> documents(String fixture) {
        List<JsonNode> docs = new ArrayList<>();
        new DocumentReader().read(Fixtures.bytes(fixture), Origin.of(fixture), new DocumentReader.Listener() {
            @Override
            public void document(JsonNode document, Origin origin) {
                docs.add(document);
            }

            @Override
            public void problem(Problem problem) {
                // broken fixtures may hold unreadable content; the readable documents are still mutated
            }
        });
        return docs;
    }

    /** Calls {@code run} with a copy of {@code root} for each (field, replacement) pair. */
    private static void mutations(JsonNode root, Consumer<JsonNode> run) {
        List<List<Object>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            for (JsonNode replacement : replacements()) {
                JsonNode copy = root.deepCopy();
                JsonNode parent = copy;
                for (int i = 0; i < path.size() - 1; i++) {
                    Object step = path.get(i);
                    parent = step instanceof String s ? parent.get(s) : parent.get((Integer) step);
                }
                Object last = path.get(path.size() - 1);
                if (parent instanceof ObjectNode o) {
                    o.set((String) last, replacement);
                } else if (parent instanceof ArrayNode a) {
                    a.set((Integer) last, replacement);
                }
                run.accept(copy);
            }
        }
    }

    private static void collect(JsonNode node, List<Object> prefix, List<List<Object>> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                List<Object> p = new ArrayList<>(prefix);
                p.add(name);
                out.add(p);
                collect(node.get(name), p, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.add(p);
                collect(node.get(i), p, out);
            }
        }
    }

    private static List<JsonNode> replacements() {
        return List.of(NODES.nullNode(), NODES.numberNode(-7), NODES.textNode("x"), NODES.booleanNode(false),
                NODES.arrayNode().add("y"), NODES.objectNode().put("items", 3));
    }

    private static final Normalizer.Sink QUIET = new Normalizer.Sink() {
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
    };
}
