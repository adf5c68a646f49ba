package io.firewatch.infra.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.infra.schema.BlockSchema.Argument;
import io.firewatch.infra.schema.BlockSchema.Nesting;
import io.firewatch.infra.schema.BlockSchema.NestedBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The part of one provider's schema the modules use, as committed under {@code src/test/resources/provider-schemas}:
 * which provider version it was read from and where, then per resource and data source type its arguments
 * ({@code "name": "required string"}) and nested blocks (an object whose {@code "@block"} says
 * {@code [required] single|list}, beside the block's own arguments and blocks). {@code configuration}, the schema of
 * the provider's own {@code provider} block, is there (and not null) when some module configures the provider.
 */
public record ProviderSchema(String provider, String version, String source, BlockSchema configuration,
                             SortedMap<String, BlockSchema> resources, SortedMap<String, BlockSchema> dataSources) {
    private static final String BLOCK = "@block";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The Terraform name prefix of this provider's types ({@code aws} for hashicorp/aws). */
    public String prefix() {
        return provider.substring(provider.indexOf('/') + 1);
    }

    public static ProviderSchema read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        return new ProviderSchema(root.path("provider").asText(), root.path("version").asText(), root.path("source").asText(),
                root.has("configuration") ? block(root.path("configuration")) : null, types(root.path("resources")), types(root.path("data")));
    }

    public String toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("provider", provider).put("version", version).put("source", source);
        if (configuration != null) {
            root.set("configuration", body(configuration));
        }
        ObjectNode resourceNodes = root.putObject("resources");
        resources.forEach((type, schema) -> resourceNodes.set(type, body(schema)));
        ObjectNode dataNodes = root.putObject("data");
        dataSources.forEach((type, schema) -> dataNodes.set(type, body(schema)));
        return JSON.writeValueAsString(root) + "\n";
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toJson());
    }

    private static SortedMap<String, BlockSchema> types(JsonNode node) {
        SortedMap<String, BlockSchema> out = new TreeMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), block(e.getValue())));
        return out;
    }

    private static BlockSchema block(JsonNode node) {
        SortedMap<String, Argument> arguments = new TreeMap<>();
        SortedMap<String, NestedBlock> blocks = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals(BLOCK)) {
                continue;
            }
            if (e.getValue().isObject()) {
                String mode = e.getValue().path(BLOCK).asText();
                boolean required = mode.startsWith("required ");
                Nesting nesting = Nesting.valueOf(mode.substring(required ? "required ".length() : 0).toUpperCase(Locale.ROOT));
                blocks.put(e.getKey(), new NestedBlock(nesting, required, block(e.getValue())));
            } else {
                String type = e.getValue().asText();
                boolean required = type.startsWith("required ");
                arguments.put(e.getKey(), new Argument(required ? type.substring("required ".length()) : type, required));
            }
        }
        return new BlockSchema(arguments, blocks);
    }

    private static ObjectNode body(BlockSchema schema) {
        ObjectNode node = JSON.createObjectNode();
        schema.arguments().forEach((name, arg) -> node.put(name, (arg.required() ? "required " : "") + arg.type()));
        schema.blocks().forEach((name, nested) -> {
            ObjectNode child = node.putObject(name);
            child.put(BLOCK, (nested.required() ? "required " : "") + nested.nesting().name().toLowerCase(Locale.ROOT));
            child.setAll(body(nested.body()));
        });
        return node;
    }
}
