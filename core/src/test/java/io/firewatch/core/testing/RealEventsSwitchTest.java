package io.firewatch.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Real-events tests run when the folder is there, are skipped visibly when not, and fail when CI requires them. */
class RealEventsSwitchTest {
    @Test
    void aPresentFolderIsUsed() {
        assertThat(Fixtures.requiredRealEvents(Path.of("x"), null)).isEqualTo(Path.of("x"));
        assertThat(Fixtures.requiredRealEvents(Path.of("x"), "required")).isEqualTo(Path.of("x"));
    }

    @Test
    void aMissingFolderSkipsTheTest() {
        assertThatThrownBy(() -> Fixtures.requiredRealEvents(null, null)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("real-events");
    }

    @Test
    void aMissingFolderFailsWhenRequired() {
        assertThatThrownBy(() -> Fixtures.requiredRealEvents(null, "required")).isInstanceOf(AssertionError.class)
                .isNotInstanceOf(TestAbortedException.class).hasMessageContaining("required");
    }
}
