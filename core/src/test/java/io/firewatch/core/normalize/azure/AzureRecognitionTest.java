package io.firewatch.core.normalize.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.ingest.DocumentReader;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Normalizers;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import io.firewatch.core.testing.RealEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Azure normalizers claim every Azure document and nothing another cloud owns: each document of every fixture
 * and real event is recognised by Azure normalizers exactly when it is an Azure input.
 */
class AzureRecognitionTest {
    private static final OperationCatalog CATALOG = OperationCatalog.load();
    private static final List<Normalizer> AZURE = AzureNormalizers.create(CATALOG);
    private static final List<Normalizer> ALL = Normalizers.standard(CATALOG);

    @TestFactory
    Stream<DynamicTest> azureClaimsAzureDocumentsOnly() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String f : Fixtures.all()) {
            files.add(Fixtures.sourceRoot().resolve(f));
        }
        Path real = RealEvents.rootIfPresent();
        if (real != null) {
            try (Stream<Path> s = Files.walk(real)) {
                s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            String path = f.toString().replace('\\', '/');
            boolean azureInput = path.contains("/azure/") || path.contains("/azure-");
            for (JsonNode doc : documents(Files.readAllBytes(f))) {
                long azure = AZURE.stream().filter(n -> n.recognizes(doc)).count();
                long all = ALL.stream().filter(n -> n.recognizes(doc)).count();
                assertThat(azure).as("Azure normalizers claiming a document of %s", path).isLessThanOrEqualTo(1);
                if (azureInput) {
                    assertThat(azure).as("an Azure document of %s", path).isEqualTo(1);
                    assertThat(all).as("normalizers claiming an Azure document of %s", path).isEqualTo(1);
                } else {
                    assertThat(azure).as("Azure normalizers claiming a non-Azure document of %s", path).isZero();
                }
            }
        }));
    }

    private static List<JsonNode> documents(byte[] content) {
        List<JsonNode> out = new ArrayList<>();
        new DocumentReader().read(content, Origin.of("x"), new DocumentReader.Listener() {
            @Override
            public void document(JsonNode document, Origin origin) {
                out.add(document);
            }

            @Override
            public void problem(Problem problem) {
                // unreadable fixtures (broken/) have no documents to claim
            }
        });
        return out;
    }
}
