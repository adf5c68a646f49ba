package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Json;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where an audit-logged change happened: the project (or organization/folder) and the region. */
final class Locations {
    private static final Pattern HIERARCHY_LOG = Pattern.compile("^(organizations|folders)/([^/]+)/logs/");
    private static final Pattern PROJECT = Pattern.compile("(?:^|/)projects/([^/]+)");
    private static final Pattern HIERARCHY = Pattern.compile("(?:^|/)(organizations|folders)/([^/]+)");
    private static final Pattern APP = Pattern.compile("^apps/([^/]+)");
    private static final Pattern REGION = Pattern.compile("(?:^|/)regions/([^/]+)");

    private Locations() {
    }

    /**
     * The project id; for entries logged at an organization or folder (hierarchical firewall policies)
     * {@code organizations/<id>} or {@code folders/<id>}.
     */
    static String account(JsonNode entry, String resourceName) {
        String logName = Json.text(entry, "logName");
        Matcher m = logName == null ? null : HIERARCHY_LOG.matcher(logName);
        if (m != null && m.find()) {
            return m.group(1) + "/" + m.group(2);
        }
        String project = Json.text(entry, "resource.labels.project_id");
        if (project != null && !project.isBlank()) {
            return project;
        }
        for (String name : new String[] {logName, resourceName}) {
            if (name != null) {
                Matcher p = PROJECT.matcher(name);
                if (p.find()) {
                    return p.group(1);
                }
            }
        }
        if (resourceName != null) {
            Matcher h = HIERARCHY.matcher(resourceName);
            if (h.find()) {
                return h.group(1) + "/" + h.group(2);
            }
            Matcher a = APP.matcher(resourceName);
            if (a.find()) {
                return a.group(1);
            }
        }
        String org = Json.text(entry, "resource.labels.organization_id");
        if (org != null && !org.isBlank()) {
            return "organizations/" + org;
        }
        String folder = Json.text(entry, "resource.labels.folder_id");
        return folder != null && !folder.isBlank() ? "folders/" + folder : null;
    }

    /** The {@code regions/<r>} of the resource, {@code global} for global resources, else the logged location. */
    static String region(JsonNode payload, String resourceName) {
        if (resourceName != null) {
            Matcher r = REGION.matcher(resourceName);
            if (r.find()) {
                return r.group(1);
            }
            if (resourceName.contains("/global/") || resourceName.startsWith("global/")) {
                return "global";
            }
        }
        List<String> locations = Json.texts(Json.at(payload, "resourceLocation.currentLocations"));
        return locations.isEmpty() ? null : locations.get(0);
    }
}
