package io.firewatch.infra.support;

import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The syntax tree hcl4j's lexer builds before its parser flattens it into maps: {@code HCLBlock} for a block,
 * {@code HCLAttribute} for {@code name = value} (its children are the value: an {@code HCLValue} literal with its
 * type, an {@code HCLArray}, an {@code HCLBlock} for a map literal, or an expression), each with its line. A schema
 * check needs exactly what the maps lose: whether a name was written as a block or as an argument, and whether a
 * value was a literal. hcl4j offers no public entry to the lexer, so it is reached by reflection (hcl4j is pinned in
 * the parent pom).
 */
public final class HclSyntax {
    private HclSyntax() {
    }

    /** The top-level blocks and attributes of one file; an unreadable file is an {@link IllegalArgumentException}. */
    public static List<Symbol> parse(String text) {
        try {
            Class<?> lexerType = Class.forName("com.bertramlabs.plugins.hcl4j.HCLLexer");
            Constructor<?> constructor = lexerType.getDeclaredConstructor(Reader.class);
            constructor.setAccessible(true);
            Object lexer = constructor.newInstance(new StringReader(text));
            Method next = lexerType.getMethod("yylex");
            next.setAccessible(true);
            while (next.invoke(lexer) != null) {
                // the lexer appends what it reads to its element stack
            }
            Field stack = lexerType.getField("elementStack");
            stack.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Symbol> symbols = (List<Symbol>) stack.get(lexer);
            return symbols;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("hcl4j cannot read the text: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("hcl4j's lexer is not where this hcl4j version keeps it", e);
        }
    }

    /** Reads a whole file with {@link #parse}. */
    public static List<Symbol> parse(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
