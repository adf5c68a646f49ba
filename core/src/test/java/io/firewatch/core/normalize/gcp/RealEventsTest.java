package io.firewatch.core.normalize.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import io.firewatch.core.testing.RealEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The public GCP events of {@code shared/real-events/gcp}: the negatives are recognised and give no alert and no
 * problem; Panther's data-lake renderings ({@code not-native}) are no GCP transport's format and must be reported as
 * an unknown shape, never crash and never alert.
 */
class RealEventsTest {

    @TestFactory
    Stream<DynamicTest> negativesGiveNoAlertAndNoProblem() throws IOException {
        return files("gcp/negative").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Fixtures.Result result = Fixtures.scan(Files.readAllBytes(f));
            assertThat(result.alerts).as("alerts").isEmpty();
            assertThat(result.problems).as("problems").isEmpty();
            assertThat(result.inputs.get(0).documents()).as("documents read").isEqualTo(1);
            assertThat(result.inputs.get(0).ignored()).as("recognised and ignored").isEqualTo(1);
        }));
    }

    @TestFactory
    Stream<DynamicTest> dataLakeRenderingsAreAnUnknownShape() throws IOException {
        return files("gcp/not-native").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Fixtures.Result result = Fixtures.scan(Files.readAllBytes(f));
            assertThat(result.alerts).as("alerts").isEmpty();
            assertThat(result.problems).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(Problem.Kind.UNRECOGNIZED);
                assertThat(p.message()).doesNotContain("could not be normalized");
            });
        }));
    }

    private static Stream<Path> files(String folder) throws IOException {
        Path dir = RealEvents.folder(folder);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("files in %s", folder).isNotEmpty();
        return files.stream();
    }
}
