package io.firewatch.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertId;
import io.firewatch.core.config.AllowRule;
import io.firewatch.core.detect.Assessment;
import io.firewatch.core.detect.Detector;
import io.firewatch.core.ingest.DocumentReader;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a set of inputs (a CLI run, a function invocation). Changes of one scan are collapsed to one alert
 * per change; call {@link #finish()} after the last input to release the held ones.
 */
public final class Scan {
    private static final int MAX_ENVELOPE_DEPTH = 4;

    private final DocumentReader reader;
    private final List<Normalizer> normalizers;
    private final Detector detector;
    private final List<AllowRule> allow;
    private final ChangeEnricher enricher;
    private final ScanListener listener;
    private final Collapser collapser;

    private int documents;
    private int changes;
    private int ignored;
    private List<Problem> problems;

    Scan(DocumentReader reader, List<Normalizer> normalizers, Detector detector, List<AllowRule> allow,
         ChangeEnricher enricher, ScanListener listener) {
        this.reader = reader;
        this.normalizers = normalizers;
        this.detector = detector;
        this.allow = allow;
        this.enricher = enricher;
        this.listener = listener;
        this.collapser = new Collapser(this::judge);
    }

    /** Reads one input (a file, stdin, a queue message). Never throws for bad input. */
    public InputResult read(InputStream in, String source) {
        return track(source, () -> reader.read(in, Origin.of(source), documentListener(0)));
    }

    public InputResult read(byte[] content, String source) {
        return track(source, () -> reader.read(content, Origin.of(source), documentListener(0)));
    }

    /** Reads a document already parsed by the platform (e.g. a CloudEvent's data). */
    public InputResult read(JsonNode document, String source) {
        return track(source, () -> dispatch(document, Origin.of(source), 0));
    }

    /** Releases the changes held for merging; their alerts reach the listener before this returns. */
    public void finish() {
        collapser.flush();
    }

    private InputResult track(String source, Runnable work) {
        int d0 = documents;
        int c0 = changes;
        int i0 = ignored;
        List<Problem> outer = problems;
        problems = new ArrayList<>();
        try {
            work.run();
            return new InputResult(source, documents - d0, changes - c0, ignored - i0, problems);
        } finally {
            problems = outer;
        }
    }

    private DocumentReader.Listener documentListener(int depth) {
        return new DocumentReader.Listener() {
            @Override
            public void document(JsonNode document, Origin origin) {
                dispatch(document, origin, depth);
            }

            @Override
            public void problem(Problem problem) {
                report(problem);
            }
        };
    }

    private void dispatch(JsonNode document, Origin origin, int depth) {
        if (depth == 0) {
            documents++;
        }
        for (Normalizer n : normalizers) {
            if (n.recognizes(document)) {
                try {
                    n.normalize(document, origin, new Output(depth));
                } catch (RuntimeException e) {
                    report(new Problem(origin, Problem.Kind.INVALID, "could not be normalized: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
                }
                return;
            }
        }
        report(new Problem(origin, Problem.Kind.UNRECOGNIZED, "no known event shape (" + shapeHint(document) + ")"));
    }

    private void judge(FirewallChange change) {
        FirewallChange enriched = enricher.enrich(change);
        Assessment a = detector.assess(enriched);
        List<String> reasons = new ArrayList<>(a.reasons());
        boolean suppressed = false;
        for (int i = 0; i < allow.size() && !suppressed; i++) {
            AllowRule rule = allow.get(i);
            if (rule.matches(enriched, a.severity())) {
                suppressed = true;
                reasons.add("allow-listed by " + (rule.name() != null ? rule.name() : "allow[" + i + "]"));
            }
        }
        listener.alert(new Alert(AlertId.of(enriched), enriched, a.severity(), a.openToWorld(), reasons, suppressed));
    }

    private void report(Problem problem) {
        if (problems != null) {
            problems.add(problem);
        }
        listener.problem(problem);
    }

    private static String shapeHint(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.fieldNames().forEachRemaining(n -> {
            if (names.size() < 6) {
                names.add(n.length() > 40 ? n.substring(0, 40) + "…" : n);
            }
        });
        return names.isEmpty() ? "empty object" : "fields " + String.join(", ", names) + (document.size() > 6 ? ", …" : "");
    }

    private final class Output implements Normalizer.Sink {
        private final int depth;

        Output(int depth) {
            this.depth = depth;
        }

        @Override
        public void change(FirewallChange change) {
            changes++;
            collapser.add(change);
        }

        @Override
        public void nested(JsonNode document, Origin origin) {
            if (depth >= MAX_ENVELOPE_DEPTH) {
                report(new Problem(origin, Problem.Kind.INVALID, "envelopes nested deeper than " + MAX_ENVELOPE_DEPTH));
                return;
            }
            dispatch(document, origin, depth + 1);
        }

        @Override
        public void nestedBytes(byte[] content, Origin origin) {
            if (depth >= MAX_ENVELOPE_DEPTH) {
                report(new Problem(origin, Problem.Kind.INVALID, "envelopes nested deeper than " + MAX_ENVELOPE_DEPTH));
                return;
            }
            reader.read(content, origin, documentListener(depth + 1));
        }

        @Override
        public void ignored(Origin origin, String why) {
            ignored++;
            listener.ignored(origin, why);
        }

        @Override
        public void problem(Problem problem) {
            report(problem);
        }
    }
}
