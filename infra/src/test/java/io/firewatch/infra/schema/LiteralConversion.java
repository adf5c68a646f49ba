package io.firewatch.infra.schema;

import com.bertramlabs.plugins.hcl4j.symbols.HCLArray;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Terraform's conversion of a literal to an argument's type, for the types a schema extract names: a number or bool
 * becomes a string, a string becomes a number only when it reads as one and a bool only when it is {@code "true"} or
 * {@code "false"}, and nothing else crosses between scalars, lists and maps.
 */
final class LiteralConversion {
    private LiteralConversion() {
    }

    /**
     * Why a literal {@code value} cannot become a {@code type}, or null when it can or is no literal. A list or map
     * literal's elements are checked too when every one of them is a literal.
     */
    static String problem(Symbol value, String type) {
        if (type.equals("any")) {
            return null;
        }
        boolean scalar = type.equals("string") || type.equals("number") || type.equals("bool");
        if (value instanceof HCLValue v) {
            String text = String.valueOf(v.value);
            return switch (v.type) {
                case "string" -> switch (type) {
                    case "string" -> null;
                    case "number" -> isNumber(text) ? null : "string \"" + text + "\" where a number is expected";
                    case "bool" -> Set.of("true", "false").contains(text) ? null : "string \"" + text + "\" where a bool is expected";
                    default -> "a string where " + type + " is expected";
                };
                case "number" -> type.equals("bool") || !scalar ? "number " + text + " where " + type + " is expected" : null;
                case "boolean" -> type.equals("number") || !scalar ? text + " where " + type + " is expected" : null;
                default -> null;
            };
        }
        if (value instanceof HCLArray list) {
            if (!type.startsWith("list(")) {
                return "a list where " + type + " is expected";
            }
            return elements(list.getChildren(), element(type), "in the list");
        }
        if (value instanceof HCLBlock map) {
            if (type.equals("object")) {
                return null;
            }
            if (!type.startsWith("map(")) {
                return "a map where " + type + " is expected";
            }
            List<Symbol> values = new ArrayList<>();
            for (Symbol entry : map.getChildren()) {
                if (!(entry instanceof HCLAttribute attribute) || attribute.getChildren().size() != 1) {
                    return null;
                }
                values.add(attribute.getChildren().get(0));
            }
            return elements(values, element(type), "in the map");
        }
        return null;
    }

    private static String elements(List<Symbol> values, String type, String where) {
        if (!values.stream().allMatch(v -> v instanceof HCLValue || v instanceof HCLArray || v instanceof HCLBlock)) {
            return null;
        }
        for (Symbol value : values) {
            String problem = problem(value, type);
            if (problem != null) {
                return problem + " " + where;
            }
        }
        return null;
    }

    /** {@code string} for {@code list(string)} or {@code map(string)}. */
    private static String element(String collection) {
        return collection.substring(collection.indexOf('(') + 1, collection.length() - 1);
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

}
