package io.firewatch.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Normalizers;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Records logs are framed at byte level so that unwatched records are never tokenised whole. Framing must not change
 * what a reading finds: the same documents with the same origins, the same skips, and a problem wherever the
 * token-by-token reading has one.
 */
class RecordFramingTest {
    private final Prefilter prefilter = Prefilter.of(OperationCatalog.load());
    private final DocumentReader framing = new DocumentReader(prefilter);
    private final DocumentReader streaming = new DocumentReader(prefilter, false);

    private static final List<Normalizer> NORMALIZERS = Normalizers.standard(OperationCatalog.load());

    /** What a reading found, in order, as text. */
    private static class Recording implements DocumentReader.Listener {
        final List<String> found = new ArrayList<>();

        @Override
        public void document(JsonNode document, Origin origin) {
            found.add("document " + origin + " " + document);
        }

        @Override
        public void problem(Problem problem) {
            found.add("problem " + problem);
        }

        @Override
        public void skipped(Origin origin, String why) {
            found.add("skipped " + origin + " " + why);
        }
    }

    private static List<String> read(DocumentReader reader, byte[] bytes) {
        Recording recording = new Recording();
        reader.read(bytes, Origin.of("f"), recording);
        return recording.found;
    }

    /** A reading as a scan sees it: a document its normalizer only ignores counts as skipped with that reason. */
    private static List<String> judged(DocumentReader reader, byte[] bytes) {
        Recording recording = new Recording() {
            @Override
            public void document(JsonNode document, Origin origin) {
                List<String> ignored = new ArrayList<>();
                boolean[] other = {false};
                NORMALIZERS.stream().filter(n -> n.recognizes(document)).findFirst().ifPresent(n -> n.normalize(document, origin,
                        new Normalizer.Sink() {
                            @Override
                            public void change(FirewallChange change) {
                                other[0] = true;
                            }

                            @Override
                            public void nested(JsonNode nested, Origin at) {
                                other[0] = true;
                            }

                            @Override
                            public void nestedBytes(byte[] content, Origin at) {
                                other[0] = true;
                            }

                            @Override
                            public void ignored(Origin at, String why) {
                                ignored.add("skipped " + at + " " + why);
                            }

                            @Override
                            public void problem(Problem problem) {
                                other[0] = true;
                            }
                        }));
                if (!other[0] && ignored.size() == 1) {
                    found.addAll(ignored);
                } else {
                    super.document(document, origin);
                }
            }
        };
        reader.read(bytes, Origin.of("f"), recording);
        return recording.found;
    }

    private List<String> framed(String text) {
        return read(framing, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String record(String source, String name, String extra) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"a]}\\\"{[\"},\"eventSource\":\"" + source
                + "\",\"eventName\":\"" + name + "\"" + extra + "}";
    }

    @Test
    void bracketsQuotesAndEscapesInsideStringsDoNotEndARecord() {
        String tricky = ",\"requestParameters\":{\"groupId\":\"sg-1\",\"description\":\"}]\\\\\\\"}],[{\\\\\"}";
        List<String> found = framed("{\"Records\":[" + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", tricky)
                + "," + record("sts.amazonaws.com", "AssumeRole", tricky) + "]}");
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("document f:1 (Records[0]) ").contains("\"groupId\":\"sg-1\"");
        assertThat(found.get(1)).isEqualTo("skipped f:1 (Records[1]) sts.amazonaws.com AssumeRole is not a watched firewall operation");
    }

    @Test
    void recordsLargerThanTheReadBufferAndPrettyPrintedLogsKeepTheirLines() {
        String big = ",\"requestParameters\":{\"description\":\"" + "x".repeat(200_000) + "\"}";
        String text = "{\n  \"Records\": [\n    " + record("sts.amazonaws.com", "AssumeRole", big) + ",\n    "
                + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", big) + "\n  ]\n}\n";
        List<String> found = framed(text);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("skipped f:3 (Records[0])");
        assertThat(found.get(1)).startsWith("document f:4 (Records[1])").contains("x".repeat(1000));
        assertThat(found).isEqualTo(read(streaming, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void escapesCutByTheEndOfAReadAreFramedRight() {
        for (String escape : List.of("\\\"", "\\\\", "x\\\"", "xy\\\\")) {
            String escaped = ",\"requestParameters\":{\"description\":\"" + escape.repeat(90_000) + "]}\"}";
            String text = "{\"Records\":[" + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", escaped) + ","
                    + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", escaped) + "]}";
            List<String> found = framed(text);
            assertThat(found).as(escape).hasSize(2).allMatch(f -> f.startsWith("document "));
            assertThat(found).isEqualTo(read(streaming, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aLargeGzipFileIsInflatedAheadOfTheParserWithNothingLostAndACutReported() throws IOException {
        java.util.Random random = new java.util.Random(7);
        StringBuilder log = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 30_000; i++) {
            String noise = ",\"eventID\":\"" + new java.util.UUID(random.nextLong(), random.nextLong()) + random.nextLong() + "\"";
            log.append(i == 0 ? "" : ",").append(i % 1000 == 0
                    ? record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", noise)
                    : record("sts.amazonaws.com", "AssumeRole", noise));
        }
        byte[] gzip = gzip(log.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        assertThat(gzip.length).as("compressed size, past the read-ahead threshold").isGreaterThan(1 << 20);

        List<String> found = read(framing, gzip);
        assertThat(found).hasSize(30_000);
        assertThat(found.stream().filter(f -> f.startsWith("document"))).hasSize(30);

        List<String> cut = read(framing, java.util.Arrays.copyOf(gzip, gzip.length / 2));
        assertThat(cut.get(cut.size() - 1)).startsWith("problem f: unreadable: the gzip stream ends early");
        assertThat(cut.size()).isBetween(1_000, 29_999);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void whatFollowsTheRecordsArrayIsReadAsAnyInputIs() {
        String second = record("ec2.amazonaws.com", "RevokeSecurityGroupIngress", "");
        String text = "{\"Records\":[" + record("sts.amazonaws.com", "AssumeRole", "") + "],\n\"digest\":{\"x\":1}}\n" + second;
        List<String> found = framed(text);
        assertThat(found).hasSize(2);
        assertThat(found.get(1)).startsWith("document f:3 ").contains("RevokeSecurityGroupIngress");
        assertThat(found).isEqualTo(read(streaming, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void elementsThatAreNoEventsAreReportedAndTheRestStillRead() {
        List<String> found = framed("{\"records\":[42, \"text\", [1], null, "
                + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "") + "]}");
        assertThat(found).containsExactly(
                "problem f:1 (records[0]): unrecognized: a number is no event",
                "problem f:1 (records[1]): unrecognized: a string is no event",
                "problem f:1 (records[2]): unrecognized: a array is no event",
                "problem f:1 (records[3]): unrecognized: a null is no event",
                found.get(4));
        assertThat(found.get(4)).startsWith("document f:1 (records[4])");
    }

    @Test
    void aMalformedRecordIsReportedAndTheRecordsAfterItAreStillRead() {
        List<String> found = framed("{\"Records\":[{\"eventName\":}, ,"
                + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "") + "]}");
        assertThat(found).hasSize(3);
        assertThat(found.get(0)).startsWith("problem f:1 (Records[0]): malformed:");
        assertThat(found.get(1)).isEqualTo("problem f:1 (Records[1]): malformed: a record is missing between two commas");
        assertThat(found.get(2)).startsWith("document f:1 (Records[2])");
    }

    @Test
    void anInputCutInsideOrBetweenRecordsIsReported() {
        String whole = record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "");
        assertThat(framed("{\"Records\":[" + whole + "," + whole.substring(0, 40)))
                .hasSize(2)
                .last().asString().startsWith("problem f:1 (Records[1]): malformed: Unexpected end-of-input");
        assertThat(framed("{\"Records\":[" + whole + ",\n"))
                .hasSize(2)
                .last().isEqualTo("problem f:2: malformed: unexpected end of input in the Records array");
        assertThat(framed("{\"Records\":[" + whole + " x]}"))
                .last().isEqualTo("problem f:1: malformed: a record is followed by neither ',' nor ']'; the rest of this input was not read");
    }

    @Test
    void aStringPastItsLimitCostsOnlyItsRecord() {
        String longText = ",\"requestParameters\":{\"description\":\"" + "z".repeat(2 * DocumentReader.MAX_STRING_CHARS) + "\"}";
        List<String> found = framed("{\"Records\":[" + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", longText)
                + "," + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "") + "]}");
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).isEqualTo("problem f:1 (Records[0]): malformed: a string longer than 1048576 characters "
                + "(the limit); the next records are read");
        assertThat(found.get(1)).startsWith("document f:1 (Records[1])");
    }

    @Test
    void aRecordPastTheSizeLimitIsReportedWithoutBeingKept() {
        String huge = ",\"requestParameters\":{\"description\":\"" + "y".repeat(DocumentReader.MAX_LINE_BYTES) + "\"}";
        List<String> found = framed("{\"Records\":[" + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", huge)
                + "," + record("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "") + "]}");
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).isEqualTo("problem f:1 (Records[0]): malformed: a record longer than 4 MiB (the limit for one document) was skipped");
        assertThat(found.get(1)).startsWith("document f:1 (Records[1])");
    }

    @Test
    void cloudLoggingEntriesOfUnwatchedMethodsAreSkippedWithoutBeingBuilt() {
        String entry = "{\"insertId\":\"i%d\",\"logName\":\"projects/p/logs/cloudaudit.googleapis.com%%2Factivity\","
                + "\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\",\"serviceName\":\"%s\","
                + "\"methodName\":%s,\"request\":{\"deep\":[{\"a\":[1,2]}]}},\"timestamp\":\"2026-11-30T10:00:00Z\"%s}";
        String text = String.join("\n",
                entry.formatted(1, "storage.googleapis.com", "\"storage.buckets.create\"", ""),
                entry.formatted(2, "compute.googleapis.com", "\"v1.compute.firewalls.insert\"", ""),
                entry.formatted(3, "storage.googleapis.com", "{\"x\":1}", ""),
                entry.formatted(4, "storage.googleapis.com", "\"storage.buckets.create\"", ",\"eventSource\":\"x\""),
                entry.formatted(5, "storage.googleapis.com", "\"storage.buckets.create\"", "") + " {}",
                entry.formatted(6, "storage.googleapis.com", "\"storage.buckets.create\"", ""));
        List<String> found = framed(text);
        assertThat(found).hasSize(7);
        assertThat(found.get(0)).isEqualTo("skipped f:1 not a watched GCP method: storage.buckets.create");
        assertThat(found.get(1)).startsWith("document f:2 ");
        assertThat(found.subList(2, 6)).allMatch(f -> f.startsWith("document f:"));
        assertThat(found.get(6)).isEqualTo("skipped f:6 not a watched GCP method: storage.buckets.create");
        assertThat(judged(framing, text.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(judged(streaming, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everySampleFixtureAndRealEventReadsAsTheTokenByTokenReadingDoes() throws IOException {
        List<Path> files = new ArrayList<>();
        Path fixtures = Fixtures.sourceRoot().toAbsolutePath().normalize();
        Path repository = fixtures.getParent().getParent().getParent().getParent().getParent();
        List<Path> roots = new ArrayList<>(List.of(repository.resolve("samples"), fixtures));
        Path real = io.firewatch.core.testing.RealEvents.rootIfPresent();
        if (real != null) {
            roots.add(real);
        }
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).forEach(files::add);
            }
        }
        int framedFiles = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            List<String> expected = judged(streaming, bytes);
            List<String> actual = judged(framing, bytes);
            if (RecordFramer.recordsArray(bytes) != null) {
                framedFiles++;
            }
            assertThat(actual.stream().filter(f -> !f.startsWith("problem")).toList()).as(file.toString())
                    .isEqualTo(expected.stream().filter(f -> !f.startsWith("problem")).toList());
            assertThat(actual.stream().anyMatch(f -> f.startsWith("problem"))).as("problems in " + file)
                    .isEqualTo(expected.stream().anyMatch(f -> f.startsWith("problem")));
        }
        assertThat(framedFiles).as("records logs among the files").isGreaterThan(5);
    }
}
