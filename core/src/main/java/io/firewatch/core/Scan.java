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
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One pass over a set of inputs (a CLI run, a function invocation). Changes of one scan are collapsed to one alert
 * per change, across inputs; call {@link #finish()} after the last input to release the held ones.
 */
public final class Scan {
    private static final int MAX_ENVELOPE_DEPTH = 4;
    /** Findings pass between threads in batches, so the hand-over costs little per record. */
    private static final int BATCH = 256;
    /** Batches one input may have ahead of the output before its reader waits: bounds memory, not speed. */
    private static final int QUEUED_BATCHES = 4;

    /** An input to open when its turn comes (a file, a pipe). */
    public record Input(String source, Opener opener) {
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final DocumentReader reader;
    private final List<Normalizer> normalizers;
    private final Detector detector;
    private final List<AllowRule> allow;
    private final ChangeEnricher enricher;
    private final ScanListener listener;
    private final Collapser collapser;
    private final Findings direct;

    Scan(DocumentReader reader, List<Normalizer> normalizers, Detector detector, List<AllowRule> allow,
         ChangeEnricher enricher, ScanListener listener) {
        this.reader = reader;
        this.normalizers = normalizers;
        this.detector = detector;
        this.allow = allow;
        this.enricher = enricher;
        this.listener = listener;
        this.collapser = new Collapser(this::judge);
        this.direct = new Findings() {
            @Override
            public void change(FirewallChange change) {
                collapser.add(change);
            }

            @Override
            public void ignored(Origin origin, String why) {
                listener.ignored(origin, why);
            }

            @Override
            public void problem(Problem problem) {
                listener.problem(problem);
            }
        };
    }

    /** Reads one input (a file, stdin, a queue message). Never throws for bad input. */
    public InputResult read(InputStream in, String source) {
        Reading r = new Reading(source, direct);
        reader.read(in, Origin.of(source), r.listener(0));
        return r.result();
    }

    public InputResult read(byte[] content, String source) {
        Reading r = new Reading(source, direct);
        reader.read(content, Origin.of(source), r.listener(0));
        return r.result();
    }

    /** Reads a document already parsed by the platform (e.g. a CloudEvent's data). */
    public InputResult read(JsonNode document, String source) {
        Reading r = new Reading(source, direct);
        r.dispatch(document, Origin.of(source), 0);
        return r.result();
    }

    /**
     * Reads a live stream (stdin, {@code tail -f}): JSON Lines are judged line by line as they arrive, and the changes
     * held for merging are released whenever the stream has nothing more at hand, so an alert never waits for the end
     * of a stream that may not end. Records of one change that arrive in one burst still merge.
     */
    public InputResult readLive(InputStream in, String source) {
        Reading r = new Reading(source, direct);
        reader.readLive(in, Origin.of(source), r.listener(0), collapser::flush);
        return r.result();
    }

    /**
     * Reads inputs in parallel on all cores while keeping the output exactly as a sequential read in the given order
     * would give it: each input's findings are queued and replayed in order, and merged across inputs by one
     * collapser. {@code done} hears each input's result in order.
     */
    public List<InputResult> readAll(List<Input> inputs, Consumer<InputResult> done) {
        List<InputResult> results = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads < 2 || inputs.size() < 2) {
            for (Input input : inputs) {
                InputResult r = readInput(input, direct);
                results.add(r);
                done.accept(r);
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "firewatch-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<QueuedInput> window = new ArrayDeque<>();
            Iterator<Input> next = inputs.iterator();
            while (next.hasNext() || !window.isEmpty()) {
                while (window.size() <= threads && next.hasNext()) {
                    QueuedInput q = new QueuedInput(next.next());
                    window.add(q);
                    pool.execute(q);
                }
                InputResult r = window.poll().replay();
                results.add(r);
                done.accept(r);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Releases the changes held for merging; their alerts reach the listener before this returns. */
    public void finish() {
        collapser.flush();
    }

    private InputResult readInput(Input input, Findings out) {
        Reading r = new Reading(input.source(), out);
        try (InputStream in = input.opener().open()) {
            reader.read(in, Origin.of(input.source()), r.listener(0));
        } catch (IOException e) {
            r.report(new Problem(Origin.of(input.source()), Problem.Kind.UNREADABLE, DocumentReader.describe(e)));
        }
        return r.result();
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

    private static String shapeHint(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.fieldNames().forEachRemaining(n -> {
            if (names.size() < 6) {
                names.add(n.length() > 40 ? n.substring(0, 40) + "…" : n);
            }
        });
        return names.isEmpty() ? "empty object" : "fields " + String.join(", ", names) + (document.size() > 6 ? ", …" : "");
    }

    /** Where one input's findings go: straight to the collapser and listener, or into a queue for in-order replay. */
    private interface Findings {
        void change(FirewallChange change);

        void ignored(Origin origin, String why);

        void problem(Problem problem);
    }

    private record Ignored(Origin origin, String why) {
    }

    private record Done(InputResult result) {
    }

    /** One input read on a worker thread; its findings wait in a bounded queue until the output reaches it. */
    private final class QueuedInput implements Runnable, Findings {
        private final Input input;
        private final BlockingQueue<List<Object>> findings = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private List<Object> batch = new ArrayList<>(BATCH);
        private volatile boolean cancelled;

        QueuedInput(Input input) {
            this.input = input;
        }

        @Override
        public void run() {
            InputResult result;
            try {
                result = readInput(input, this);
            } catch (RuntimeException | Error e) {
                Problem p = new Problem(Origin.of(input.source()), Problem.Kind.UNREADABLE,
                        "reading stopped by an internal error (" + e.getClass().getSimpleName() + ")");
                put(p);
                result = new InputResult(input.source(), 0, 0, 0, List.of(p));
            }
            put(new Done(result));
            hand(batch);
        }

        InputResult replay() {
            while (true) {
                List<Object> taken;
                try {
                    taken = findings.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while scanning", e);
                }
                for (Object finding : taken) {
                    if (finding instanceof FirewallChange change) {
                        direct.change(change);
                    } else if (finding instanceof Ignored i) {
                        direct.ignored(i.origin(), i.why());
                    } else if (finding instanceof Problem p) {
                        direct.problem(p);
                    } else if (finding instanceof Done d) {
                        return d.result();
                    }
                }
            }
        }

        private void put(Object finding) {
            batch.add(finding);
            if (batch.size() == BATCH) {
                hand(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        private void hand(List<Object> full) {
            if (cancelled) {
                return;
            }
            try {
                findings.put(full);
            } catch (InterruptedException e) {
                cancelled = true;
            }
        }

        @Override
        public void change(FirewallChange change) {
            put(change);
        }

        @Override
        public void ignored(Origin origin, String why) {
            put(new Ignored(origin, why));
        }

        @Override
        public void problem(Problem problem) {
            put(problem);
        }
    }

    /** The reading of one input: its counts, its problems, and where its findings go. */
    private final class Reading {
        private final String source;
        private final Findings out;
        private int documents;
        private int changes;
        private int ignored;
        private final List<Problem> problems = new ArrayList<>();

        Reading(String source, Findings out) {
            this.source = source;
            this.out = out;
        }

        InputResult result() {
            return new InputResult(source, documents, changes, ignored, problems);
        }

        DocumentReader.Listener listener(int depth) {
            return new DocumentReader.Listener() {
                @Override
                public void document(JsonNode document, Origin origin) {
                    dispatch(document, origin, depth);
                }

                @Override
                public void problem(Problem problem) {
                    report(problem);
                }

                @Override
                public void skipped(Origin origin, String why) {
                    if (depth == 0) {
                        documents++;
                    }
                    ignored++;
                    out.ignored(origin, why);
                }
            };
        }

        void dispatch(JsonNode document, Origin origin, int depth) {
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

        void report(Problem problem) {
            problems.add(problem);
            out.problem(problem);
        }

        private final class Output implements Normalizer.Sink {
            private final int depth;

            Output(int depth) {
                this.depth = depth;
            }

            @Override
            public void change(FirewallChange change) {
                changes++;
                out.change(change);
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
                reader.read(content, origin, listener(depth + 1));
            }

            @Override
            public void ignored(Origin origin, String why) {
                ignored++;
                out.ignored(origin, why);
            }

            @Override
            public void problem(Problem problem) {
                report(problem);
            }
        }
    }
}
