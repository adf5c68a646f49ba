package io.firewatch.infra.schema;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import io.firewatch.infra.support.HclSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where the schemas come from and where they are kept. Each provider the modules use is compared against the prebuilt
 * CDK bindings on npm closest to its pin (the versions are pinned in {@code .ci/run}, which installs them into
 * {@code target/npm}); the part the modules use is committed as {@code src/test/resources/provider-schemas/<prefix>.json}
 * so that a clone without npm still runs the check. Paths are relative to the infra module (where Maven runs tests).
 */
public final class ProviderSchemas {
    /** The npm package holding each provider's bindings, by the provider's type prefix. */
    public static final Map<String, String> PACKAGES = Map.of(
            "aws", "@cdktn/provider-aws",
            "azurerm", "@cdktn/provider-azurerm",
            "google", "@cdktf/provider-google",
            "time", "@cdktf/provider-time",
            "archive", "@cdktn/provider-archive");
    public static final Path EXTRACTS = Path.of("src/test/resources/provider-schemas");
    public static final Path EXCEPTIONS = EXTRACTS.resolve("exceptions.txt");
    private static final List<Path> MODULES = List.of(Path.of("aws"), Path.of("azure"), Path.of("gcp"));

    private ProviderSchemas() {
    }

    /** Every Terraform file of the modules, their submodules and examples, parsed, by path. */
    public static Map<Path, List<Symbol>> terraform() throws IOException {
        Map<Path, List<Symbol>> files = new LinkedHashMap<>();
        for (Path module : MODULES) {
            try (Stream<Path> walk = Files.walk(module)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".tf") && !f.toString().contains(".terraform")).sorted().toList()) {
                    files.put(file, HclSyntax.parse(file));
                }
            }
        }
        return files;
    }

    /** The committed extracts, one per provider. */
    public static List<ProviderSchema> committed() throws IOException {
        List<ProviderSchema> schemas = new ArrayList<>();
        for (String prefix : new TreeSet<>(PACKAGES.keySet())) {
            schemas.add(ProviderSchema.read(extract(prefix)));
        }
        return schemas;
    }

    public static Path extract(String prefix) {
        return EXTRACTS.resolve(prefix + ".json");
    }

    /** The extract for {@code prefix} read afresh from the bindings in {@code nodeModules}, for the types in use. */
    public static ProviderSchema generate(Path nodeModules, String prefix, Map<Path, List<Symbol>> terraform) throws IOException {
        SortedSet<String> resources = new TreeSet<>();
        SortedSet<String> data = new TreeSet<>();
        terraform.values().forEach(symbols -> SchemaCheck.declaredTypes(symbols)
                .filter(declared -> declared.type().startsWith(prefix + "_"))
                .forEach(declared -> (declared.dataSource() ? data : resources).add(declared.type())));
        boolean configured = terraform.values().stream().anyMatch(symbols -> SchemaCheck.configuredProviders(symbols).anyMatch(prefix::equals));
        return JsiiSchemaReader.read(nodeModules.resolve(PACKAGES.get(prefix)).resolve(".jsii"), configured, resources, data);
    }

    /**
     * The documented differences between a compared schema and the provider major the modules pin, as finding keys
     * ({@link SchemaCheck.Finding#key}) with their reasons: {@code <type>.<path> <kind> | <why>} per line.
     */
    public static Map<String, String> exceptions() {
        Map<String, String> out = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(EXCEPTIONS)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                if (bar < 0 || line.substring(bar + 1).isBlank()) {
                    throw new IllegalStateException(EXCEPTIONS + ": an exception without a reason: " + line);
                }
                out.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
