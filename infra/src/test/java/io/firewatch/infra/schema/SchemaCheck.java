package io.firewatch.infra.schema;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import io.firewatch.infra.schema.BlockSchema.Argument;
import io.firewatch.infra.schema.BlockSchema.Nesting;
import io.firewatch.infra.schema.BlockSchema.NestedBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Holds every {@code resource}, {@code data} and {@code provider} block of a Terraform file against its provider's
 * schema, as {@code terraform validate} would: unknown arguments and nested blocks, a block written as an argument or
 * the other way round, missing required arguments and blocks, a block the provider allows once written twice, and
 * literals of a type Terraform cannot convert to the argument's ({@link LiteralConversion}). Expressions (references,
 * function calls, templates) are not typed: only Terraform can evaluate them. Meta-arguments ({@code count}, {@code for_each}, {@code depends_on}, {@code provider},
 * {@code lifecycle}, {@code provisioner}, {@code connection}) are allowed; a {@code dynamic "x"} block must name a
 * nested block of the schema, and its {@code content} is checked against that block.
 */
public final class SchemaCheck {
    private static final Set<String> META_ARGUMENTS = Set.of("count", "for_each", "depends_on", "provider");
    private static final Set<String> META_BLOCKS = Set.of("lifecycle", "provisioner", "connection");
    private static final Set<String> LIFECYCLE = Set.of("create_before_destroy", "prevent_destroy", "ignore_changes",
            "replace_triggered_by", "precondition", "postcondition");

    /** What is wrong and where; {@link #key} names it for the exception list. */
    public record Finding(String file, int line, String type, String path, Kind kind, String detail) {
        public String key() {
            return type + (path.isEmpty() ? "" : "." + path) + " " + kind.label;
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + key() + ": " + detail;
        }
    }

    public enum Kind {
        UNKNOWN_TYPE("unknown-type"), UNKNOWN_ARGUMENT("unknown-argument"), UNKNOWN_BLOCK("unknown-block"),
        BLOCK_AS_ARGUMENT("block-as-argument"), ARGUMENT_AS_BLOCK("argument-as-block"),
        MISSING_REQUIRED("missing-required"), TOO_MANY_BLOCKS("too-many-blocks"), WRONG_TYPE("wrong-type");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Map<String, ProviderSchema> providers = new HashMap<>();

    public SchemaCheck(List<ProviderSchema> schemas) {
        schemas.forEach(s -> providers.put(s.prefix(), s));
    }

    /** A resource or data source type a file declares a block of. */
    public record Declared(boolean dataSource, String type) {
    }

    /** Every resource and data block of a parsed file, by type. */
    public static Stream<Declared> declaredTypes(List<Symbol> symbols) {
        return symbols.stream().map(SchemaCheck::declared).flatMap(Optional::stream);
    }

    /** The providers a parsed file configures with a {@code provider "<name>"} block. */
    public static Stream<String> configuredProviders(List<Symbol> symbols) {
        return symbols.stream().map(SchemaCheck::configuredProvider).flatMap(Optional::stream);
    }

    private static Optional<String> configuredProvider(Symbol symbol) {
        return symbol instanceof HCLBlock block && block.blockNames.size() == 2 && block.blockNames.get(0).equals("provider")
                ? Optional.of(block.blockNames.get(1)) : Optional.empty();
    }

    private static Optional<Declared> declared(Symbol symbol) {
        if (symbol instanceof HCLBlock block && block.blockNames.size() == 3
                && (block.blockNames.get(0).equals("resource") || block.blockNames.get(0).equals("data"))) {
            return Optional.of(new Declared(block.blockNames.get(0).equals("data"), block.blockNames.get(1)));
        }
        return Optional.empty();
    }

    /** The findings in one parsed file, named {@code file} in them. */
    public List<Finding> check(String file, List<Symbol> symbols) {
        List<Finding> findings = new ArrayList<>();
        for (Symbol symbol : symbols) {
            configuredProvider(symbol).ifPresent(name -> providerBlock(new Context(file, "provider." + name, findings), (HCLBlock) symbol, name));
            Optional<Declared> declared = declared(symbol);
            if (declared.isEmpty()) {
                continue;
            }
            String type = declared.get().type();
            String kind = declared.get().dataSource() ? "data source" : "resource";
            Context at = new Context(file, type, findings);
            ProviderSchema provider = providers.get(type.substring(0, Math.max(0, type.indexOf('_'))));
            BlockSchema schema = provider == null ? null
                    : (declared.get().dataSource() ? provider.dataSources() : provider.resources()).get(type);
            if (provider == null) {
                at.add(symbol, "", Kind.UNKNOWN_TYPE, "no provider schema for " + kind + " " + type);
            } else if (schema == null) {
                at.add(symbol, "", Kind.UNKNOWN_TYPE, provider.provider() + " " + provider.version() + " has no " + kind + " " + type
                        + " (or the committed extract lacks it: regenerate it)");
            } else {
                body(at, (HCLBlock) symbol, schema, "", true);
            }
        }
        return findings;
    }

    private void providerBlock(Context at, HCLBlock block, String name) {
        ProviderSchema provider = providers.get(name);
        if (provider == null || provider.configuration() == null) {
            at.add(block, "", Kind.UNKNOWN_TYPE, "no configuration schema for provider " + name
                    + (provider == null ? "" : " (the committed extract lacks it: regenerate it)"));
        } else {
            body(at, block, provider.configuration(), "", false);
        }
    }

    private record Context(String file, String type, List<Finding> findings) {
        void add(Symbol where, String path, Kind kind, String detail) {
            findings.add(new Finding(file, where.getLine() + 1, type, path, kind, detail));
        }
    }

    /** What one block body sets: its arguments, and how often each nested block appears (statically or dynamically). */
    private static final class Tally {
        final Set<String> arguments = new HashSet<>();
        final Map<String, Integer> blocks = new HashMap<>();
        final Set<String> dynamicBlocks = new HashSet<>();
    }

    private void body(Context at, HCLBlock block, BlockSchema schema, String path, boolean topLevel) {
        Tally tally = new Tally();
        for (Symbol child : block.getChildren()) {
            if (child instanceof HCLAttribute attribute) {
                argument(at, attribute, schema, path, topLevel, tally);
            } else if (child instanceof HCLBlock nested) {
                nestedBlock(at, nested, schema, path, topLevel, tally);
            }
        }
        schema.arguments().forEach((name, argument) -> {
            if (argument.required() && !tally.arguments.contains(name)) {
                at.add(block, join(path, name), Kind.MISSING_REQUIRED, "required argument " + name + " is not set");
            }
        });
        schema.blocks().forEach((name, nested) -> {
            int count = tally.blocks.getOrDefault(name, 0);
            if (nested.required() && count == 0 && !tally.dynamicBlocks.contains(name)) {
                at.add(block, join(path, name), Kind.MISSING_REQUIRED, "required block " + name + " is missing");
            }
            if (nested.nesting() == Nesting.SINGLE && count > 1) {
                at.add(block, join(path, name), Kind.TOO_MANY_BLOCKS, name + " may appear once, not " + count + " times");
            }
        });
    }

    private static void argument(Context at, HCLAttribute attribute, BlockSchema schema, String path, boolean topLevel, Tally tally) {
        String name = attribute.getName();
        tally.arguments.add(name);
        if (topLevel && META_ARGUMENTS.contains(name)) {
            return;
        }
        Argument argument = schema.arguments().get(name);
        if (argument != null) {
            literal(at, attribute, argument, join(path, name));
        } else if (schema.blocks().containsKey(name)) {
            at.add(attribute, join(path, name), Kind.BLOCK_AS_ARGUMENT, name + " is a nested block: write " + name + " { ... }");
        } else {
            at.add(attribute, join(path, name), Kind.UNKNOWN_ARGUMENT, "no argument " + name + " here");
        }
    }

    private void nestedBlock(Context at, HCLBlock nested, BlockSchema schema, String path, boolean topLevel, Tally tally) {
        String name = nested.blockNames.get(0);
        if (topLevel && META_BLOCKS.contains(name)) {
            if (name.equals("lifecycle")) {
                lifecycle(at, nested);
            }
            return;
        }
        boolean dynamic = name.equals("dynamic") && nested.blockNames.size() == 2;
        String blockName = dynamic ? nested.blockNames.get(1) : name;
        NestedBlock schemaBlock = schema.blocks().get(blockName);
        if (schemaBlock == null) {
            Argument argument = schema.arguments().get(blockName);
            if (argument == null) {
                at.add(nested, join(path, blockName), Kind.UNKNOWN_BLOCK, "no nested block " + blockName + " here");
            } else if (!argument.acceptsBlockSyntax()) {
                at.add(nested, join(path, blockName), Kind.ARGUMENT_AS_BLOCK, blockName + " is an argument: write " + blockName + " = ...");
            } else {
                tally.arguments.add(blockName);
            }
            return;
        }
        if (dynamic) {
            tally.dynamicBlocks.add(blockName);
        } else {
            tally.blocks.merge(blockName, 1, Integer::sum);
        }
        HCLBlock content = dynamic ? content(nested) : nested;
        if (content == null) {
            at.add(nested, join(path, blockName), Kind.MISSING_REQUIRED, "dynamic " + blockName + " has no content block");
        } else {
            body(at, content, schemaBlock.body(), join(path, blockName), false);
        }
    }

    private static HCLBlock content(HCLBlock dynamic) {
        return dynamic.getChildren().stream().filter(c -> c instanceof HCLBlock b && b.blockNames.get(0).equals("content"))
                .map(c -> (HCLBlock) c).findFirst().orElse(null);
    }

    private static void lifecycle(Context at, HCLBlock lifecycle) {
        for (Symbol child : lifecycle.getChildren()) {
            String name = child instanceof HCLBlock b ? b.blockNames.get(0) : child.getName();
            if (!LIFECYCLE.contains(name)) {
                at.add(child, "lifecycle." + name, Kind.UNKNOWN_ARGUMENT, "lifecycle has no " + name);
            }
        }
    }

    /** A lone literal checked against the argument's type the way Terraform converts values; expressions pass. */
    private static void literal(Context at, HCLAttribute attribute, Argument argument, String path) {
        if (attribute.getChildren().size() != 1) {
            return;
        }
        Symbol value = attribute.getChildren().get(0);
        String problem = value instanceof HCLValue v && v.type.equals("null")
                ? (argument.required() ? "a required argument cannot be null" : null)
                : LiteralConversion.problem(value, argument.type());
        if (problem != null) {
            at.add(attribute, path, Kind.WRONG_TYPE, problem);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
