package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Protocols;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code prefix-list-entries}: CreateManagedPrefixList and ModifyManagedPrefixList, rendered in PascalCase inside
 * {@code <Operation>Request} like ModifySecurityGroupRules. {@code Entry} (create), {@code AddEntry} and
 * {@code RemoveEntry} (modify) are an object for one entry and a list for several, each {@code {"Cidr", "Description"}}.
 * The entries a call adds become one ingress allow rule on all protocols, the widest a referencing rule can give them
 * (CONTRACT §3, lists that rules reference); the entries it removes are named in a note.
 */
final class ManagedPrefixListEntries implements RuleParser {
    private static final int NAMED_REMOVALS = 10;

    @Override
    public ParsedRules parse(JsonNode record, String operation) {
        ParsedRules.Collector out = new ParsedRules.Collector();
        String path = "requestParameters." + operation + "Request";
        JsonNode request = Json.at(record, path);
        if (!request.isObject()) {
            out.note("the event does not carry the " + operation + " request, so the list's entries are unknown");
            out.unknown();
            return out.result();
        }
        boolean create = operation.startsWith("Create");
        List<String> added = cidrs(request, create ? "Entry" : "AddEntry", path, out);
        List<String> removed = create ? List.of() : cidrs(request, "RemoveEntry", path, out);
        if (!added.isEmpty()) {
            out.add(Rule.of(Direction.INGRESS, Access.ALLOW, Protocols.ALL, null, added));
        }
        if (!removed.isEmpty()) {
            String shown = String.join(", ", removed.subList(0, Math.min(NAMED_REMOVALS, removed.size())));
            out.note("entries removed from the list: " + shown + (removed.size() > NAMED_REMOVALS
                    ? " and " + (removed.size() - NAMED_REMOVALS) + " more" : "")
                    + " (rules that reference it no longer admit or deny them)");
        }
        if (added.isEmpty() && removed.isEmpty() && !out.anyUnreadable()) {
            out.note(create ? "the list was created without entries" : "the call adds and removes no entries (name or size only)");
        }
        return out.result();
    }

    /** The CIDRs of one entry list; an entry without a readable CIDR is reported and makes the content unknown. */
    private static List<String> cidrs(JsonNode request, String field, String path, ParsedRules.Collector out) {
        List<String> cidrs = new ArrayList<>();
        List<JsonNode> entries;
        try {
            entries = Fields.objects(request, field, path);
        } catch (Unreadable e) {
            out.unreadable(e);
            return cidrs;
        }
        for (int i = 0; i < entries.size(); i++) {
            String where = path + "." + field + "[" + i + "]";
            try {
                String cidr = Fields.address(entries.get(i), "Cidr", where);
                if (cidr == null) {
                    throw new Unreadable(where + ".Cidr is missing");
                }
                cidrs.add(cidr);
            } catch (Unreadable e) {
                out.unreadable(e);
            }
        }
        return cidrs;
    }
}
