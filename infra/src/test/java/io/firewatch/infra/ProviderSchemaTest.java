package io.firewatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import io.firewatch.infra.schema.ProviderSchemas;
import io.firewatch.infra.schema.SchemaCheck;
import io.firewatch.infra.schema.SchemaCheck.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every resource and data block of every module, submodule and example, with every argument and nested block, holds
 * against its provider's schema (the committed extracts, see {@link ProviderSchemaExtractTest}), apart from the
 * documented differences between a compared schema and the newer major the modules pin; each of those must still be
 * needed.
 */
class ProviderSchemaTest {

    @Test
    void everyResourceAndDataBlockHoldsAgainstItsProviderSchema() throws Exception {
        SchemaCheck check = new SchemaCheck(ProviderSchemas.committed());
        Map<String, String> exceptions = ProviderSchemas.exceptions();
        List<Finding> findings = new ArrayList<>();
        int blocks = 0;
        for (Map.Entry<Path, List<Symbol>> file : ProviderSchemas.terraform().entrySet()) {
            findings.addAll(check.check(file.getKey().toString(), file.getValue()));
            blocks += (int) SchemaCheck.declaredTypes(file.getValue()).count();
        }
        assertThat(blocks).as("resource and data blocks read").isGreaterThan(100);
        List<String> unexcused = findings.stream().filter(f -> !exceptions.containsKey(f.key())).map(Finding::toString).toList();
        assertThat(unexcused).as("findings against the provider schemas").isEmpty();
        TreeSet<String> stale = new TreeSet<>(exceptions.keySet());
        findings.forEach(f -> stale.remove(f.key()));
        assertThat(stale).as("exceptions in " + ProviderSchemas.EXCEPTIONS + " that no finding needs any more").isEmpty();
    }
}
