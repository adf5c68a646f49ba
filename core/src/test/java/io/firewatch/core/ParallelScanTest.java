package io.firewatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.FirewatchConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Inputs read in parallel give exactly the sequential output, merged across inputs; a live stream alerts as it goes. */
class ParallelScanTest {
    private static final Firewatch FIREWATCH = new Firewatch(FirewatchConfig.defaults());

    private static Path sample(String name) {
        Path p = Path.of("../samples", name);
        return Files.exists(p) ? p : Path.of("samples", name);
    }

    private static List<String> sequential(List<Scan.Input> inputs) throws IOException {
        List<String> out = new ArrayList<>();
        Scan scan = FIREWATCH.newScan(a -> out.add(AlertJson.toJson(a)));
        for (Scan.Input input : inputs) {
            scan.read(input.opener().open(), input.source());
        }
        scan.finish();
        return out;
    }

    private static List<String> parallel(List<Scan.Input> inputs) {
        List<String> out = new ArrayList<>();
        Scan scan = FIREWATCH.newScan(a -> out.add(AlertJson.toJson(a)));
        List<InputResult> results = scan.readAll(inputs, r -> { });
        scan.finish();
        assertThat(results).extracting(InputResult::source).containsExactlyElementsOf(inputs.stream().map(Scan.Input::source).toList());
        return out;
    }

    private static Scan.Input input(String source, byte[] content) {
        return new Scan.Input(source, () -> new ByteArrayInputStream(content));
    }

    @Test
    void recordsOfOneAzureChangeInDifferentFilesGiveOneAlert() throws IOException {
        List<String> lines = Files.readAllLines(sample("azure/activity-log-storage-PT1H.json"));
        List<Scan.Input> onePerLine = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            onePerLine.add(input("part-" + i, lines.get(i).getBytes(StandardCharsets.UTF_8)));
        }
        List<String> whole = sequential(List.of(input("whole", Files.readAllBytes(sample("azure/activity-log-storage-PT1H.json")))));

        assertThat(whole).hasSize(2);
        assertThat(parallel(onePerLine)).containsExactlyElementsOf(whole);
    }

    @Test
    void outputOrderIsTheInputOrder() throws IOException {
        List<Scan.Input> inputs = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (String name : List.of("aws/5-cloudtrail-log-file.json.gz", "aws/3-cloudtrail-record-network-acl-allow-all.json",
                    "gcp/log-sink-export.jsonl", "azure/eventgrid-webhook-batch.json", "aws/2-eventbridge-ssh-opened-to-the-world.json")) {
                byte[] content = Files.readAllBytes(sample(name));
                inputs.add(input(name + "#" + round, content));
            }
        }
        List<String> expected = sequential(inputs);
        assertThat(expected).hasSizeGreaterThan(4);
        assertThat(parallel(inputs)).containsExactlyElementsOf(expected);
    }

    @Test
    void aLiveStreamAlertsEachLineBeforeTheStreamEnds() throws Exception {
        List<String> lines = Files.readAllLines(sample("azure/activity-log-storage-PT1H.json"));
        BlockingQueue<Alert> alerts = new LinkedBlockingQueue<>();
        Scan scan = FIREWATCH.newScan(alerts::add);
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(writer, 1 << 16);
        Thread reading = new Thread(() -> scan.readLive(stdin, "<stdin>"));
        reading.start();

        writer.write((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        writer.flush();
        Alert first = alerts.poll(60, TimeUnit.SECONDS);
        assertThat(first).as("alert while the stream is still open").isNotNull();
        assertThat(reading.isAlive()).isTrue();

        writer.write((String.join("\n", lines.subList(1, lines.size())) + "\n").getBytes(StandardCharsets.UTF_8));
        writer.close();
        reading.join(60_000);
        scan.finish();
        assertThat(reading.isAlive()).isFalse();
        assertThat(alerts).isNotEmpty();
    }
}
