package io.firewatch.core.render;

/**
 * A reader's name for an account, subscription or project id (the configuration's {@code accountAliases}), shown
 * beside the id. {@code config::aliasOf} is one.
 */
@FunctionalInterface
public interface AccountAliases {
    AccountAliases NONE = account -> null;

    /** The alias of {@code account}, or null. */
    String of(String account);
}
