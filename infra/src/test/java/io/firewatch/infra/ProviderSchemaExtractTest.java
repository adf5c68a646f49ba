package io.firewatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import io.firewatch.core.testing.NodeEmulator;
import io.firewatch.infra.schema.ProviderSchema;
import io.firewatch.infra.schema.ProviderSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed schema extracts are exactly what the pinned npm bindings say for the types the modules use. Needs the
 * packages {@code .ci/run} installs into {@code target/npm}: without them the test is skipped with a notice, or fails
 * under {@code -Dfirewatch.emulators=required} (CI). After changing a pin in {@code .ci/run} or using a new resource
 * type, rewrite the extracts with
 * {@code ./mvnw -B -pl infra -am test -Dtest=ProviderSchemaExtractTest -Dsurefire.failIfNoSpecifiedTests=false -Dfirewatch.providerSchemas=write}.
 */
class ProviderSchemaExtractTest {

    @Test
    void committedExtractsEqualWhatThePinnedBindingsSay() throws Exception {
        Map<Path, List<Symbol>> terraform = ProviderSchemas.terraform();
        boolean write = "write".equals(System.getProperty("firewatch.providerSchemas"));
        for (String prefix : new TreeSet<>(ProviderSchemas.PACKAGES.keySet())) {
            Path nodeModules = NodeEmulator.modules(ProviderSchemas.PACKAGES.get(prefix));
            ProviderSchema fresh = ProviderSchemas.generate(nodeModules, prefix, terraform);
            Path committed = ProviderSchemas.extract(prefix);
            if (write) {
                fresh.write(committed);
            }
            assertThat(Files.exists(committed) ? Files.readString(committed) : "")
                    .as(committed + " (rewrite it with -Dfirewatch.providerSchemas=write)")
                    .isEqualTo(fresh.toJson());
        }
    }
}
