package dev.migrator.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Standard output and standard error of the CLI pass through this: it replaces every secret it was told (the
 * password, the URL's passwords, secret placeholder values, the values of {@code --password-env} and
 * {@code --password-file} in case a password was given there by mistake) by {@code ****} wherever it stands as a word
 * of its own: a password {@code idle} is hidden in {@code :idle@host} and {@code 'idle'}, not inside a user name
 * {@code idle_r}, which would both garble the output and point at the password. The CLI never prints the password itself and the engine masks what it recognises, but a driver's
 * message or log line is not ours to trust; this is the last line of defence.
 *
 * <p>Text is held until its line ends, so that a password split across two writes (or two flushes: a
 * {@link java.io.PrintStream} that flushes on every write) is still found; {@link #close()} lets out an unfinished
 * last line.
 * Passwords shorter than {@link #MIN_SECRET} characters are not scrubbed: they would scrub ordinary words out of the
 * JSON keys. Thread-safe: log lines come from several threads.
 */
final class RedactingOutputStream extends OutputStream {
    /** Shorter secrets would match inside ordinary words and keys. */
    static final int MIN_SECRET = 4;
    private static final byte[] MASK = "****".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final List<byte[]> secrets = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RedactingOutputStream(OutputStream out) {
        this.out = out;
    }

    /** From now on, scrubs {@code secret} as written and as it appears escaped inside a JSON string. */
    synchronized void addSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET) {
            return;
        }
        add(secret.getBytes(StandardCharsets.UTF_8));
        add(secret.replace("\\", "\\\\").replace("\"", "\\\"").getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the longest first: a shorter secret inside a longer one must not leave the longer one's rest. */
    private void add(byte[] secret) {
        for (byte[] known : secrets) {
            if (Arrays.equals(known, secret)) {
                return;
            }
        }
        secrets.add(secret);
        secrets.sort(Comparator.comparingInt((byte[] b) -> b.length).reversed());
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            drain();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            line.write(b[i]);
            if (b[i] == '\n') {
                drain();
            }
        }
    }

    /** Passes on what is complete; an unfinished line waits for its end, or for {@link #close()}. */
    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        drain();
        out.close();
    }

    /** Lets out an unfinished last line and flushes, leaving the stream beneath open. */
    synchronized void finish() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (line.size() == 0) {
            return;
        }
        byte[] text = line.toByteArray();
        line.reset();
        for (byte[] secret : secrets) {
            text = replace(text, secret);
        }
        out.write(text);
    }

    private static byte[] replace(byte[] text, byte[] secret) {
        ByteArrayOutputStream result = null;
        int copied = 0;
        boolean wordStart = wordByte(secret[0]);
        boolean wordEnd = wordByte(secret[secret.length - 1]);
        for (int i = 0; i <= text.length - secret.length; i++) {
            int end = i + secret.length;
            // Standing alone: between non-word bytes, or right after (before) another copy of itself.
            if (matches(text, i, secret)
                    && (!wordStart || i == 0 || !wordByte(text[i - 1]) || (result != null && copied == i))
                    && (!wordEnd || end == text.length || !wordByte(text[end])
                    || (end + secret.length <= text.length && matches(text, end, secret)))) {
                if (result == null) {
                    result = new ByteArrayOutputStream(text.length);
                }
                result.write(text, copied, i - copied);
                result.write(MASK, 0, MASK.length);
                copied = i + secret.length;
                i = copied - 1;
            }
        }
        if (result == null) {
            return text;
        }
        result.write(text, copied, text.length - copied);
        return result.toByteArray();
    }

    /** A letter, digit or {@code _}; any byte of a non-ASCII character counts as a letter. */
    private static boolean wordByte(byte b) {
        return b < 0 || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '_';
    }

    private static boolean matches(byte[] text, int at, byte[] secret) {
        for (int j = 0; j < secret.length; j++) {
            if (text[at + j] != secret[j]) {
                return false;
            }
        }
        return true;
    }
}
