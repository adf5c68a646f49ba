package io.firewatch.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.testing.NodeEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Azurite's Table service (Microsoft's open-source Azure Storage emulator, from npm) on a free port, in memory, with
 * the well-known development account; with the claims table created; tests list its entities.
 */
final class Azurite implements AutoCloseable {
    static final String ACCOUNT = StorageConnection.DEVELOPMENT_ACCOUNT;
    static final String KEY = StorageConnection.DEVELOPMENT_KEY;

    private final NodeEmulator node;

    private Azurite(NodeEmulator node) {
        this.node = node;
    }

    /**
     * Starts the Table service and creates {@code table} from the emulator's side (signed with the development key),
     * so that the JVM running the test loads no HTTP or signing class before the code under test does.
     */
    static Azurite start(String table) throws IOException {
        // TableConfiguration(host, port, keepAlive, dbPath, debugLog, accessLog, accessLogStream, debugPath, loose,
        // skipApiVersionCheck, cert, key, pwd, oauth, disableProductStyleUrl, inMemoryPersistence)
        return new Azurite(NodeEmulator.start(NodeEmulator.modules("azurite"), String.join("\n",
                "const C = require('azurite/dist/src/table/TableConfiguration').default;",
                "const S = require('azurite/dist/src/table/TableServer').default;",
                "const db = require('path').join(require('os').tmpdir(), 'firewatch-azurite-' + process.pid + '.json');",
                "const s = new S(new C('127.0.0.1', 0, undefined, db, false, false, undefined, undefined, false,",
                "  true, '', '', '', undefined, false, true));",
                "s.start().then(() => {",
                "  const port = s.httpServer.address().port, date = new Date().toUTCString();",
                "  const path = '/" + ACCOUNT + "/Tables', type = 'application/json';",
                "  const sig = require('crypto').createHmac('sha256', Buffer.from('" + KEY + "', 'base64'))",
                "    .update('POST\\n\\n' + type + '\\n' + date + '\\n/" + ACCOUNT + "' + path).digest('base64');",
                "  const req = require('http').request({host: '127.0.0.1', port, method: 'POST', path, headers: {",
                "    'Content-Type': type, 'Accept': 'application/json;odata=nometadata', 'x-ms-version': '2019-02-02',",
                "    'x-ms-date': date, 'Authorization': 'SharedKey " + ACCOUNT + ":' + sig}}, res => {",
                "    res.resume();",
                "    console.log(res.statusCode === 201 || res.statusCode === 204 ? 'FIREWATCH_PORT=' + port",
                "      : 'table not created: HTTP ' + res.statusCode);",
                "  });",
                "  req.end(JSON.stringify({TableName: '" + table + "'}));",
                "});")));
    }

    /** The Table endpoint in Azurite's path form. */
    String endpoint() {
        return node.url() + "/" + ACCOUNT;
    }

    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";TableEndpoint=" + endpoint() + ";";
    }

    /** Every entity of the table. */
    List<JsonNode> entities(String table) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", URI.create(endpoint() + "/" + table + "()"), null);
        if (r.statusCode() != 200) {
            throw new IOException("table not listed: HTTP " + r.statusCode() + " " + r.body());
        }
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(r.body()).path("value").forEach(out::add);
        return out;
    }

    private HttpResponse<String> send(String method, URI uri, String body) throws IOException, InterruptedException {
        // Built per call: a benchmark that only starts the emulator loads none of these.
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).format(ZonedDateTime.now(ZoneOffset.UTC));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("x-ms-date", date).header("x-ms-version", "2019-02-02")
                .header("Accept", "application/json;odata=nometadata")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        new TableAuthorization.SharedKey(ACCOUNT, Base64.getDecoder().decode(KEY)).authorize(b, method, body == null ? null : "application/json", uri, date);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Stops the emulator (tests also use it to take the store away mid-test). */
    @Override
    public void close() {
        node.close();
    }
}
