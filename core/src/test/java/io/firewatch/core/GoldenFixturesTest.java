package io.firewatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture below {@code fixtures/} is scanned on its own and must give exactly its golden alerts
 * ({@code <name>.alerts.jsonl}, the CLI's output) and, for {@code broken/}, its golden problems
 * ({@code <name>.problems.txt}). {@code ignored/} fixtures must give neither alerts nor problems.
 * Run with {@code -Dfirewatch.golden.update=true} to rewrite the golden files, then review the diff.
 */
class GoldenFixturesTest {
    private static final boolean UPDATE = Boolean.getBoolean("firewatch.golden.update");

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsGoldenAlerts() {
        List<String> fixtures = Fixtures.all();
        assertThat(fixtures).as("fixtures").isNotEmpty();
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f, () -> check(f)));
    }

    private void check(String fixture) throws IOException {
        Fixtures.Result result = Fixtures.scanFixture(fixture);
        List<String> problems = result.problems.stream().map(Problem::toString).toList();
        Path base = Fixtures.sourceRoot().resolve(fixture.replaceFirst("\\.(json|jsonl|json\\.gz|gz|txt)$", ""));
        Path alertsFile = Path.of(base + ".alerts.jsonl");
        Path problemsFile = Path.of(base + ".problems.txt");
        if (UPDATE) {
            write(alertsFile, result.jsonLines());
            write(problemsFile, problems);
        }
        if (fixture.startsWith("ignored/")) {
            assertThat(result.alerts).as("alerts of an ignored fixture").isEmpty();
            assertThat(problems).as("problems of an ignored fixture").isEmpty();
            return;
        }
        if (!fixture.startsWith("broken/")) {
            assertThat(problems).as("problems of %s", fixture).isEmpty();
            assertThat(Files.exists(alertsFile)).as("golden file %s", alertsFile).isTrue();
        }
        assertThat(result.jsonLines()).as("alerts of %s", fixture).containsExactlyElementsOf(readLines(alertsFile));
        assertThat(problems).as("problems of %s", fixture).containsExactlyElementsOf(readLines(problemsFile));
    }

    private static List<String> readLines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    private static void write(Path file, List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
