package io.firewatch.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The switch between "skip with a notice" (any clone) and "fail" (CI) for tests of {@code ../shared/real-events}. */
class RealEventsSwitchTest {
    @TempDir
    Path beside;

    @Test
    void aPresentFolderIsUsedInEitherMode() throws IOException {
        Path aws = Files.createDirectories(beside.resolve("aws"));
        assertThat(RealEvents.folder(beside, "aws", RealEvents.Mode.OPTIONAL)).isEqualTo(aws);
        assertThat(RealEvents.folder(beside, "aws", RealEvents.Mode.REQUIRED)).isEqualTo(aws);
        assertThat(RealEvents.locate(beside, null, RealEvents.Mode.REQUIRED)).isEqualTo(beside);
    }

    @Test
    void aMissingFolderSkipsWhenOptional() {
        assertThatThrownBy(() -> RealEvents.folder(null, "aws", RealEvents.Mode.OPTIONAL))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("../shared/real-events/aws")
                .hasMessageContaining("skipped");
        assertThatThrownBy(() -> RealEvents.folder(beside, "gcp", RealEvents.Mode.OPTIONAL))
                .isInstanceOf(TestAbortedException.class);
        assertThat(RealEvents.locate(null, null, RealEvents.Mode.OPTIONAL)).isNull();
    }

    @Test
    void aMissingFolderFailsWhenRequired() {
        assertThatThrownBy(() -> RealEvents.folder(null, "azure", RealEvents.Mode.REQUIRED))
                .isInstanceOf(AssertionError.class).isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("-Dfirewatch.realEvents=required");
        assertThatThrownBy(() -> RealEvents.locate(beside.resolve("absent"), null, RealEvents.Mode.REQUIRED))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theModeIsReadStrictly() {
        assertThat(RealEvents.Mode.of(null)).isEqualTo(RealEvents.Mode.OPTIONAL);
        assertThat(RealEvents.Mode.of("")).isEqualTo(RealEvents.Mode.OPTIONAL);
        assertThat(RealEvents.Mode.of("required")).isEqualTo(RealEvents.Mode.REQUIRED);
        assertThat(RealEvents.Mode.of("Optional")).isEqualTo(RealEvents.Mode.OPTIONAL);
        assertThatThrownBy(() -> RealEvents.Mode.of("requried")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected optional or required");
    }
}
