package io.firewatch.infra.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.infra.schema.BlockSchema.Argument;
import io.firewatch.infra.schema.BlockSchema.Nesting;
import io.firewatch.infra.schema.BlockSchema.NestedBlock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a provider's schema from the jsii assembly ({@code .jsii}) of its prebuilt CDK bindings on npm
 * ({@code @cdktn/provider-aws} and the like), which the bindings' generator wrote from {@code terraform providers
 * schema -json} for one provider version. Each resource and data source is a class whose documentation links its
 * registry page (giving the Terraform type name and provider version); its constructor takes a config struct whose
 * properties are the arguments and nested blocks. Every property's documentation links the argument's anchor on that
 * page, which gives its Terraform name (property names are camelCase and renamed where they clash, e.g.
 * {@code self} becomes {@code selfAttribute}). A nested block is a struct-typed property documented as
 * {@code "<name> block."}: a struct directly when the provider allows at most one, an array of structs otherwise. A
 * property not marked {@code optional} is required. The provider's own configuration (its {@code provider} block) is
 * read the same way, from the class extending {@code TerraformProvider}. The assembly is large (150 MB for aws), so it
 * is streamed and only the structs are kept, in short form.
 */
public final class JsiiSchemaReader {
    private static final Pattern TYPE_LINK = Pattern.compile(
            "\\{@link https://registry\\.terraform\\.io/providers/([^/]+/[^/]+)/([^/]+)/docs/(resources|data-sources)/\\S+ (\\S+)\\}");
    private static final Pattern PROVIDER_LINK = Pattern.compile(
            "\\{@link https://registry\\.terraform\\.io/providers/([^/]+/[^/]+)/([^/]+)/docs (\\S+)\\}");
    private static final Pattern ARGUMENT_LINK = Pattern.compile("\\{@link https://registry\\.terraform\\.io/providers/\\S+#(\\S+) \\S+#\\1\\}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Property(String name, JsonNode type, boolean optional, boolean documentedAsBlock) {
    }

    private record TerraformType(String provider, String version, String configStruct) {
    }

    private final Map<String, List<Property>> structs = new HashMap<>();
    private final Map<String, TerraformType> resources = new HashMap<>();
    private final Map<String, TerraformType> dataSources = new HashMap<>();
    private TerraformType provider;
    private String assembly;

    private JsiiSchemaReader() {
    }

    /**
     * The schemas of {@code resourceTypes} and {@code dataTypes} from the assembly {@code jsii}, and of the provider's
     * own configuration when {@code withConfiguration}; fails on any absent.
     */
    public static ProviderSchema read(Path jsii, boolean withConfiguration, Collection<String> resourceTypes, Collection<String> dataTypes)
            throws IOException {
        JsiiSchemaReader reader = new JsiiSchemaReader();
        reader.scan(jsii);
        SortedMap<String, BlockSchema> resources = reader.resolve(reader.resources, resourceTypes, "resource");
        SortedMap<String, BlockSchema> data = reader.resolve(reader.dataSources, dataTypes, "data source");
        TreeSet<String> versions = new TreeSet<>();
        reader.resources.values().forEach(t -> versions.add(t.provider() + " " + t.version()));
        if (versions.size() != 1) {
            throw new IllegalStateException(jsii + " links more than one provider version: " + versions);
        }
        String[] providerAndVersion = versions.first().split(" ");
        BlockSchema configuration = null;
        if (withConfiguration) {
            if (reader.provider == null) {
                throw new IllegalArgumentException(reader.assembly + " has no provider configuration");
            }
            configuration = reader.body(reader.provider.configStruct());
        }
        return new ProviderSchema(providerAndVersion[0], providerAndVersion[1], "npm " + reader.assembly + " (.jsii)", configuration,
                resources, data);
    }

    private void scan(Path jsii) throws IOException {
        String name = null;
        String version = null;
        try (JsonParser parser = JSON.getFactory().createParser(jsii.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(jsii + " is not a jsii assembly");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "name" -> name = parser.getText();
                    case "version" -> version = parser.getText();
                    case "types" -> {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            parser.nextToken();
                            type(parser.readValueAsTree());
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        assembly = name + "@" + version;
    }

    private void type(JsonNode type) {
        String base = type.path("base").asText();
        if (type.path("kind").asText().equals("interface") && type.path("datatype").asBoolean()) {
            List<Property> properties = new ArrayList<>();
            for (JsonNode p : type.path("properties")) {
                String summary = p.path("docs").path("summary").asText();
                String docs = summary + " " + p.path("docs").path("remarks").asText();
                Matcher anchor = ARGUMENT_LINK.matcher(docs);
                String terraformName = anchor.find() ? anchor.group(1) : snakeCase(p.path("name").asText());
                properties.add(new Property(terraformName, p.path("type"), p.path("optional").asBoolean(),
                        summary.equals(terraformName + " block.")));
            }
            structs.put(type.path("fqn").asText(), properties);
        } else if (base.endsWith(".TerraformResource") || base.endsWith(".TerraformDataSource")) {
            Matcher link = TYPE_LINK.matcher(type.path("docs").path("summary").asText());
            if (link.find()) {
                boolean data = link.group(3).equals("data-sources");
                (data ? dataSources : resources).put(link.group(4), new TerraformType(link.group(1), link.group(2), configStruct(type)));
            }
        } else if (base.endsWith(".TerraformProvider")) {
            Matcher link = PROVIDER_LINK.matcher(type.path("docs").path("summary").asText());
            if (link.find()) {
                provider = new TerraformType(link.group(1), link.group(2), configStruct(type));
            }
        }
    }

    private static String configStruct(JsonNode type) {
        for (JsonNode parameter : type.path("initializer").path("parameters")) {
            if (parameter.path("name").asText().equals("config")) {
                return parameter.path("type").path("fqn").asText();
            }
        }
        return null;
    }

    private SortedMap<String, BlockSchema> resolve(Map<String, TerraformType> known, Collection<String> wanted, String kind) {
        SortedMap<String, BlockSchema> out = new TreeMap<>();
        for (String name : wanted) {
            TerraformType type = known.get(name);
            if (type == null) {
                throw new IllegalArgumentException(assembly + " has no " + kind + " " + name);
            }
            out.put(name, body(type.configStruct()));
        }
        return out;
    }

    private BlockSchema body(String struct) {
        List<Property> properties = structs.get(struct);
        if (properties == null) {
            throw new IllegalStateException(assembly + " has no struct " + struct);
        }
        SortedMap<String, Argument> arguments = new TreeMap<>();
        SortedMap<String, NestedBlock> blocks = new TreeMap<>();
        for (Property p : properties) {
            JsonNode type = withoutResolvable(p.type());
            String element = type.path("collection").path("elementtype").path("fqn").asText(null);
            String single = type.path("fqn").asText(null);
            if (p.documentedAsBlock() && single != null && structs.containsKey(single)) {
                blocks.put(p.name(), new NestedBlock(Nesting.SINGLE, !p.optional(), body(single)));
            } else if (p.documentedAsBlock() && element != null && structs.containsKey(element)) {
                blocks.put(p.name(), new NestedBlock(Nesting.LIST, !p.optional(), body(element)));
            } else {
                arguments.put(p.name(), new Argument(typeName(type), !p.optional()));
            }
        }
        return new BlockSchema(arguments, blocks);
    }

    /** A union of a type with {@code IResolvable} (how the bindings accept a Terraform expression) as that type. */
    private static JsonNode withoutResolvable(JsonNode type) {
        JsonNode union = type.path("union").path("types");
        if (union.isArray()) {
            for (JsonNode member : union) {
                if (!member.path("fqn").asText().endsWith(".IResolvable")) {
                    return member;
                }
            }
        }
        return type;
    }

    private String typeName(JsonNode type) {
        type = withoutResolvable(type);
        if (type.has("primitive")) {
            return switch (type.path("primitive").asText()) {
                case "string" -> "string";
                case "number" -> "number";
                case "boolean" -> "bool";
                default -> "any";
            };
        }
        if (type.has("collection")) {
            String kind = type.path("collection").path("kind").asText().equals("map") ? "map" : "list";
            return kind + "(" + typeName(type.path("collection").path("elementtype")) + ")";
        }
        return structs.containsKey(type.path("fqn").asText()) ? "object" : "any";
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
