package io.firewatch.core.normalize.azure;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input is normal input: every field of every Azure fixture document, removed or replaced by a value of the
 * wrong type, must never make a normalizer throw.
 */
class AzureRobustnessTest {
    private static final List<Normalizer> NORMALIZERS = AzureNormalizers.create(OperationCatalog.load());
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<Supplier<JsonNode>> WRONG = List.of(
            F::nullNode, () -> F.numberNode(7), () -> F.textNode(""), () -> F.textNode("{\"properties\":"),
            F::arrayNode, F::objectNode, () -> F.textNode("*"));

    @TestFactory
    Stream<DynamicTest> noFieldMakesANormalizerThrow() {
        return Fixtures.all().stream().filter(f -> f.startsWith("azure/") || f.contains("/azure-"))
                .filter(f -> !f.endsWith("azure-activity-log-truncated-export.json"))
                .map(f -> DynamicTest.dynamicTest(f, () -> {
                    for (JsonNode doc : documents(AzureFixtures.tree(f))) {
                        for (ObjectNode mutant : mutants((ObjectNode) doc)) {
                            assertThatCode(() -> normalize(mutant)).as("%s", mutant).doesNotThrowAnyException();
                        }
                    }
                }));
    }

    private static List<JsonNode> documents(JsonNode tree) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode list = tree.isArray() ? tree : tree.has("records") ? tree.get("records") : null;
        if (list == null) {
            out.add(tree);
        } else {
            list.forEach(out::add);
        }
        return out.stream().filter(JsonNode::isObject).toList();
    }

    /** Copies of the document with one field (at any depth up to four) removed or given a wrong value. */
    private static List<ObjectNode> mutants(ObjectNode doc) {
        List<ObjectNode> out = new ArrayList<>();
        collect(doc, doc, new ArrayList<>(), 0, out);
        return out;
    }

    private static void collect(ObjectNode root, ObjectNode node, List<String> path, int depth, List<ObjectNode> out) {
        if (depth > 4) {
            return;
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            List<String> here = new ArrayList<>(path);
            here.add(name);
            ObjectNode removed = root.deepCopy();
            parent(removed, path).remove(name);
            out.add(removed);
            for (Supplier<JsonNode> wrong : WRONG) {
                ObjectNode copy = root.deepCopy();
                parent(copy, path).set(name, wrong.get());
                out.add(copy);
            }
            if (node.get(name).isObject()) {
                collect(root, (ObjectNode) node.get(name), here, depth + 1, out);
            }
        }
    }

    private static ObjectNode parent(ObjectNode root, List<String> path) {
        ObjectNode n = root;
        for (String p : path) {
            n = (ObjectNode) n.get(p);
        }
        return n;
    }

    private static void normalize(JsonNode doc) {
        for (Normalizer n : NORMALIZERS) {
            if (n.recognizes(doc)) {
                n.normalize(doc, Origin.of("mutant"), new Normalizer.Sink() {
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
                });
                return;
            }
        }
    }
}
