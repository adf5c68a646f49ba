package io.firewatch.infra.schema;

import java.util.SortedMap;

/**
 * What a provider accepts inside a resource, a data source or one of their nested blocks: arguments (written
 * {@code name = value}) and nested blocks (written {@code name { ... }}), by their Terraform names.
 */
public record BlockSchema(SortedMap<String, Argument> arguments, SortedMap<String, NestedBlock> blocks) {

    /**
     * An argument and its type as the provider declares it: {@code string}, {@code number}, {@code bool},
     * {@code any}, {@code object}, or {@code list(..)} / {@code map(..)} of those.
     */
    public record Argument(String type, boolean required) {
        /** Object-typed arguments (and lists of them) may also be written with block syntax. */
        public boolean acceptsBlockSyntax() {
            return type.equals("object") || type.equals("list(object)");
        }
    }

    /** How often a nested block may appear: once at most ({@code single}) or any number of times ({@code list}). */
    public enum Nesting {
        SINGLE, LIST
    }

    public record NestedBlock(Nesting nesting, boolean required, BlockSchema body) {
    }
}
