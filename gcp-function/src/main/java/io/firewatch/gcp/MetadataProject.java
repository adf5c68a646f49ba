package io.firewatch.gcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * The function's own project id from the metadata server (Cloud Run functions set no project variable), asked on
 * first use and then kept.
 */
final class MetadataProject {
    static final String DEFAULT_URL = "http://metadata.google.internal/computeMetadata/v1/project/project-id";
    static final Pattern PROJECT_ID = Pattern.compile("([a-z0-9.-]{1,63}:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");

    private final HttpClient http;
    private final URI url;
    private String id;

    MetadataProject(HttpClient http, String url) {
        this.http = http;
        this.url = URI.create(url);
    }

    synchronized String id() throws MetadataTokens.TokenException {
        if (id != null) {
            return id;
        }
        HttpResponse<String> response = MetadataTokens.ask(http, url, "the project");
        String body = response.body() == null ? "" : response.body().strip();
        if (response.statusCode() != 200 || !PROJECT_ID.matcher(body).matches()) {
            throw new MetadataTokens.TokenException("the metadata server gave no project id (HTTP " + response.statusCode() + ")");
        }
        id = body;
        return id;
    }
}
