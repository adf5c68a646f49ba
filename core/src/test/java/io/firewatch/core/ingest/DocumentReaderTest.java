package io.firewatch.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
    private final DocumentReader reader = new DocumentReader();

    private static final class Collected implements DocumentReader.Listener {
        final List<JsonNode> documents = new ArrayList<>();
        final List<Origin> origins = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        @Override
        public void document(JsonNode document, Origin origin) {
            documents.add(document);
            origins.add(origin);
        }

        @Override
        public void problem(Problem problem) {
            problems.add(problem);
        }
    }

    private Collected read(byte[] bytes) {
        Collected c = new Collected();
        reader.read(bytes, Origin.of("f"), c);
        return c;
    }

    private Collected read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void oneDocument() {
        Collected c = read("{\"a\":1}");
        assertThat(c.documents).hasSize(1);
        assertThat(c.problems).isEmpty();
    }

    @Test
    void prettyPrintedDocumentIsNotMistakenForJsonLines() {
        Collected c = read("{\n  \"a\": {\"b\": 1},\n  \"items\": [\n    {\"x\": 1}\n  ]\n}\n");
        assertThat(c.documents).hasSize(1);
        assertThat(c.problems).isEmpty();
    }

    @Test
    void arrayElementsAreDocuments() {
        Collected c = read("[{\"a\":1},{\"a\":2}]");
        assertThat(c.documents).extracting(d -> d.get("a").asInt()).containsExactly(1, 2);
        assertThat(c.origins.get(1).path()).isEqualTo("[1]");
    }

    @Test
    void recordsContainersAreStreamedElementByElement() {
        Collected c = read("{\"Records\":[{\"a\":1},{\"a\":2},{\"a\":3}]}");
        assertThat(c.documents).hasSize(3);
        assertThat(c.origins.get(2).path()).isEqualTo("Records[2]");
        Collected lower = read("{\"records\":[{\"a\":1}]}");
        assertThat(lower.documents).hasSize(1);
    }

    @Test
    void jsonLinesGoOnAfterABadLineAndNameIt() {
        Collected c = read("{\"a\":1}\n{\"a\":\n{\"a\":3}\n\n{\"a\":4}\n");
        assertThat(c.documents).extracting(d -> d.get("a").asInt()).containsExactly(1, 3, 4);
        assertThat(c.problems).hasSize(1);
        assertThat(c.problems.get(0).origin().line()).isEqualTo(2);
        assertThat(c.problems.get(0).kind()).isEqualTo(Problem.Kind.MALFORMED);
    }

    @Test
    void jsonLinesWithAMalformedFirstLineStillReadTheRest() {
        Collected c = read("{\"a\":\n{\"a\":2}\n{\"a\":3}\n");
        assertThat(c.documents).hasSize(2);
        assertThat(c.problems).extracting(p -> p.origin().line()).containsExactly(1L);
    }

    @Test
    void gzipIsRecognisedByContent() throws IOException {
        Collected c = read(gzip("{\"Records\":[{\"a\":1}]}".getBytes(StandardCharsets.UTF_8)));
        assertThat(c.documents).hasSize(1);
        assertThat(c.problems).isEmpty();
    }

    @Test
    void corruptGzipIsAParseFailure() throws IOException {
        byte[] good = gzip("{\"Records\":[{\"a\":1},{\"a\":2}]}".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        Collected c = read(truncated);
        assertThat(c.problems).hasSize(1);
        byte[] garbage = {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(read(garbage).problems).hasSize(1);
    }

    @Test
    void emptyAndWhitespaceInputsHoldNoEvents() {
        assertThat(read("").documents).isEmpty();
        assertThat(read("").problems).isEmpty();
        assertThat(read(" \n\t\r\n ").problems).isEmpty();
    }

    @Test
    void byteOrderMarkIsAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] doc = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + doc.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(doc, 0, both, 3, doc.length);
        Collected c = read(both);
        assertThat(c.documents).hasSize(1);
        assertThat(c.problems).isEmpty();
    }

    @Test
    void invalidUtf8IsAParseFailure() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Collected c = read(bad);
        assertThat(c.documents).isEmpty();
        assertThat(c.problems).hasSize(1);
        Collected lines = read(("{\"a\":1}\n{\"a\":\"" + new String(new byte[] {(byte) 0xff}, StandardCharsets.ISO_8859_1) + "\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(lines.problems).hasSize(1);
    }

    @Test
    void truncatedJsonIsAParseFailureWithItsLine() {
        Collected c = read("{\n\"Records\": [\n{\"a\": 1},\n{\"a\": ");
        assertThat(c.documents).hasSize(1);
        assertThat(c.problems).hasSize(1);
        assertThat(c.problems.get(0).origin().line()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void deeplyNestedDocumentsAreRejectedNotOverflowed() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Collected c = read("{\"a\":" + deep + "}");
        assertThat(c.problems).hasSize(1);
        assertThat(c.problems.get(0).message()).isNotBlank();
    }

    @Test
    void stringsUpToTheLimitAreReadAndLongerOnesReported() {
        Collected kept = read("{\"a\":\"" + "x".repeat(DocumentReader.MAX_STRING_CHARS) + "\"}");
        assertThat(kept.problems).isEmpty();
        assertThat(kept.documents.get(0).get("a").asText()).hasSize(DocumentReader.MAX_STRING_CHARS);

        Collected past = read("{\"Records\":[{\"a\":1},{\"a\":\"" + "x".repeat(10 << 20) + "\"}]}");
        assertThat(past.documents).hasSize(1);
        assertThat(past.problems).extracting(Problem::message)
                .containsExactly("a string longer than 1048576 characters (the limit); the rest of this input was not read");
    }

    @Test
    void aJsonLineOverTheLimitIsSkippedAndReported() {
        Collected c = read("{\"a\":1}\n{\"b\":\"" + "y".repeat(DocumentReader.MAX_LINE_BYTES) + "\"}\n{\"a\":3}\n");
        assertThat(c.documents).extracting(d -> d.get("a").asInt()).containsExactly(1, 3);
        assertThat(c.problems).extracting(Problem::toString).singleElement().asString()
                .contains(":2: malformed: a line longer than 4 MiB");
    }

    @Test
    void bareScalarsAreNoEvents() {
        Collected c = read("42");
        assertThat(c.problems).extracting(Problem::kind).containsExactly(Problem.Kind.UNRECOGNIZED);
    }

    @Test
    void concatenatedDocumentsAreAllRead() {
        Collected c = read("{\"a\":1}{\"a\":2} {\"a\":3}");
        assertThat(c.documents).hasSize(3);
    }
}
