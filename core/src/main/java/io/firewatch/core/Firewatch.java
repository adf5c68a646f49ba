package io.firewatch.core;

import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.detect.Detector;
import io.firewatch.core.ingest.DocumentReader;
import io.firewatch.core.ingest.Prefilter;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Normalizers;
import io.firewatch.core.response.PlanningListener;
import io.firewatch.core.response.ResponsePlanner;
import io.firewatch.core.response.ResponseSettings;
import java.util.List;

/**
 * The one entry point of core: raw input in, alerts out. Build it once per process (cold start) and start a
 * {@link Scan} per batch or per CLI run. Adapters and the CLI call nothing else to judge events.
 */
public final class Firewatch {
    private final FirewatchConfig config;
    private final OperationCatalog catalog;
    private final List<Normalizer> normalizers;
    private final Detector detector;
    private final ChangeEnricher enricher;
    private final ResponsePlanner planner;
    private final DocumentReader reader;

    public Firewatch(FirewatchConfig config) {
        this(config, ChangeEnricher.NONE);
    }

    public Firewatch(FirewatchConfig config, ChangeEnricher enricher) {
        this(config, enricher, ResponseSettings.OFF);
    }

    /** With an automatic response mode (CONTRACT §6): every alert then carries its {@code response} plan. */
    public Firewatch(FirewatchConfig config, ChangeEnricher enricher, ResponseSettings response) {
        this.config = config;
        this.planner = new ResponsePlanner(response);
        this.catalog = OperationCatalog.load();
        this.normalizers = Normalizers.standard(catalog);
        this.reader = new DocumentReader(Prefilter.of(catalog));
        this.detector = new Detector(config);
        this.enricher = enricher;
    }

    public Scan newScan(ScanListener listener) {
        ScanListener planned = planner.settings().on() ? new PlanningListener(planner, listener) : listener;
        return new Scan(reader, normalizers, detector, config.allow(), enricher, planned);
    }

    public ResponsePlanner responsePlanner() {
        return planner;
    }

    public FirewatchConfig config() {
        return config;
    }

    public OperationCatalog catalog() {
        return catalog;
    }
}
