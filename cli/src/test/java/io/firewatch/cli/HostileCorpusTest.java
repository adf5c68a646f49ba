package io.firewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 5: a directory of hostile files, scanned by the real CLI in a forked JVM under {@code -Xmx64m}: every
 * good event alerted, every bad one reported, no OutOfMemoryError, no stack trace. The files are written at test time.
 */
class HostileCorpusTest {
    @TempDir
    Path temp;

    @Test
    void hostileFilesUnderSixtyFourMegabytesOfHeap() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("corpus"));
        List<String> good = new ArrayList<>();
        // A 10 MB string in a rule's description (past the 4 MiB limit for one record): the record reported, the ones
        // before and after it alerted.
        writeLog(dir.resolve("a-long-description.json"), w -> {
            w.write(opening("good-before-long-description", "ssh") + ",");
            w.write(opening("long-description", "x".repeat(10 << 20)) + ",");
            w.write(opening("good-after-long-description", "ssh"));
        });
        good.add("good-before-long-description");
        good.add("good-after-long-description");
        // 100,000 levels of nesting after a good record: the good record alerted, the nesting reported.
        writeLog(dir.resolve("b-deep.json"), w -> {
            w.write(opening("good-before-deep", "ssh"));
            w.write(",{\"deep\":");
            w.write("[".repeat(100_000));
            w.write("]".repeat(100_000));
            w.write("},");
            w.write(opening("good-after-deep", "ssh"));
        });
        good.add("good-before-deep");
        good.add("good-after-deep");
        // 100,000 records, one of them a change.
        writeLog(dir.resolve("c-many.json"), w -> {
            for (int i = 0; i < 100_000; i++) {
                w.write(noise(i));
                w.write(",");
            }
            w.write(opening("good-among-many", "ssh"));
        });
        good.add("good-among-many");
        // A 200 MB log file on one line, the change at its very end.
        writeLog(dir.resolve("d-huge-one-line.json"), w -> {
            for (int i = 0; i < 385_000; i++) {
                w.write(noise(i));
                w.write(",");
            }
            w.write(opening("good-after-200-megabytes", "ssh"));
        });
        good.add("good-after-200-megabytes");
        assertThat(Files.size(dir.resolve("d-huge-one-line.json"))).isGreaterThan(200L << 20);
        // JSON Lines: a 20 MB line (over the 4 MiB limit for one document) is skipped and reported; the next is read.
        try (Writer w = Files.newBufferedWriter(dir.resolve("e-lines.jsonl"))) {
            w.write(opening("good-before-long-line", "ssh") + "\n");
            w.write("{\"pad\":\"" + "y".repeat(20 << 20) + "\"}\n");
            w.write(opening("good-after-long-line", "ssh") + "\n");
        }
        good.add("good-before-long-line");
        good.add("good-after-long-line");
        // A gzip stream cut short.
        byte[] gz = gzip(("{\"Records\":[" + opening("lost", "ssh") + "]}").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("f-truncated.json.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "scan", dir.toString())
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(temp.resolve("out.txt"));
        String err = Files.readString(temp.resolve("err.txt"));

        for (String id : good) {
            assertThat(out).as(err).contains("\"" + id + "\"");
        }
        assertThat(out.lines().count()).isEqualTo(good.size());
        assertThat(err).doesNotContain("Exception", "Error", "\tat ", "java.")
                .contains("a-long-description.json:1 (Records[1]): malformed: a record longer than 4 MiB (the limit for one document) was skipped")
                .contains("b-deep.json:1 (Records[1]): malformed: nested deeper than 200 levels (the limit); the next records are read")
                .contains("e-lines.jsonl:2: malformed: a line longer than 4 MiB")
                .contains("f-truncated.json.gz: unreadable: the gzip stream ends early")
                .contains("6 inputs, ").contains("8 alerts");
        assertThat(p.exitValue()).isEqualTo(Command.EXIT_INPUT);
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeLog(Path file, Body body) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            w.write("{\"Records\":[");
            body.write(w);
            w.write("]}");
        }
    }

    /** A security group opened to the world on port 22, with a description. */
    private static String opening(String eventId, String description) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/mallory\","
                + "\"accountId\":\"111122223333\"},\"eventTime\":\"2026-11-27T13:04:12Z\",\"eventSource\":\"ec2.amazonaws.com\","
                + "\"eventName\":\"AuthorizeSecurityGroupIngress\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"198.51.100.77\","
                + "\"requestParameters\":{\"groupId\":\"sg-0123456789abcdef0\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\","
                + "\"fromPort\":22,\"toPort\":22,\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\",\"description\":\"" + description
                + "\"}]}}]}},\"responseElements\":{\"_return\":true},\"eventID\":\"" + eventId + "\",\"readOnly\":false,"
                + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
    }

    private static String noise(int i) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/Ops/s"
                + (i % 50) + "\",\"accountId\":\"111122223333\"},\"eventTime\":\"2026-11-27T13:04:12Z\",\"eventSource\":\"sts.amazonaws.com\","
                + "\"eventName\":\"AssumeRole\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.9\",\"userAgent\":\"aws-cli/2.15.30\","
                + "\"requestParameters\":{\"roleArn\":\"arn:aws:iam::111122223333:role/Ops\",\"roleSessionName\":\"s" + i + "\"},"
                + "\"responseElements\":null,\"eventID\":\"noise-" + i + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\","
                + "\"recipientAccountId\":\"111122223333\"}";
    }

    private static byte[] gzip(byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
