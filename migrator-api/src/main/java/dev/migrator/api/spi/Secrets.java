package dev.migrator.api.spi;

import java.util.Collection;
import java.util.List;

/**
 * Keeps credentials out of messages: masks password-like values and URL user-info.
 *
 * @deprecated not part of the SPI; migrator's own modules use an internal copy, and this class goes in a later
 *             release. A target of your own should mask with its own code.
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class Secrets {
    /** What a hidden value is replaced by. */
    public static final String MASK = dev.migrator.api.internal.Secrets.MASK;
    /** Known secrets shorter than this are not scrubbed: they would scrub ordinary words. */
    public static final int MIN_SCRUBBED = dev.migrator.api.internal.Secrets.MIN_SCRUBBED;

    private Secrets() {
    }

    /** The text with any password-like value and URL user-info password replaced by {@code ****}. */
    public static String mask(String text) {
        return dev.migrator.api.internal.Secrets.mask(text);
    }

    /** The values that {@link #mask} would hide in {@code text}. */
    public static List<String> secretsIn(String text) {
        return dev.migrator.api.internal.Secrets.secretsIn(text);
    }

    /** {@link #mask}, after replacing every known secret that stands as a word of its own. */
    public static String scrub(String text, Collection<String> secrets) {
        return dev.migrator.api.internal.Secrets.scrub(text, secrets);
    }

    /** Whether a name (of a placeholder, a parameter, a key) says that its value is a secret. */
    public static boolean isSecretName(String name) {
        return dev.migrator.api.internal.Secrets.isSecretName(name);
    }

    /** The text cut to {@code max} characters, marked when cut. */
    public static String shorten(String text, int max) {
        return dev.migrator.api.internal.Secrets.shorten(text, max);
    }
}
