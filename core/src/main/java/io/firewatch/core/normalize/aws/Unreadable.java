package io.firewatch.core.normalize.aws;

/** A field of a rule that is present but cannot be read (wrong type, impossible value); names the field. */
final class Unreadable extends Exception {
    Unreadable(String message) {
        super(message, null, false, false);
    }
}
