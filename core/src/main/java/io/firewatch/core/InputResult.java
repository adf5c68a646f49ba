package io.firewatch.core;

import io.firewatch.core.normalize.Problem;
import java.util.List;

/**
 * What one input gave: how many documents were read, how many were firewall changes, how many were recognised but
 * ignored, and every problem. An adapter fails the input's delivery when {@link #ok()} is false.
 */
public record InputResult(String source, int documents, int changes, int ignored, List<Problem> problems) {
    public InputResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
