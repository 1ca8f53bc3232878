package no.pgx.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens the file named by {@code --input} (or standard input for {@code -}) with a message a person can act on. */
public final class InputFiles {
    private InputFiles() {
    }

    /** The input cannot be opened; the message names the file and the reason. */
    public static final class UnreadableInputException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableInputException(String message) {
            super(message);
        }
    }

    /**
     * @param name  the file name as given, or {@code -} for standard input
     * @param stdin standard input
     * @return the stream to read; for {@code -} a stream that leaves standard input open when closed
     * @throws UnreadableInputException when the file does not exist, is a directory or cannot be read
     */
    public static InputStream open(String name, InputStream stdin) throws UnreadableInputException {
        if (name.equals("-")) {
            return new java.io.FilterInputStream(stdin) {
                @Override
                public void close() {
                    // standard input belongs to the caller
                }
            };
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new UnreadableInputException("Cannot read " + name + ": not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw new UnreadableInputException("Cannot read " + name + ": it is a directory, not a file");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException("Cannot read " + name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException("Cannot read " + name + ": permission denied");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException("Cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * Reads a whole (small) file as UTF-8 text, such as a FHIR Bundle.
     *
     * @throws UnreadableInputException when the file does not exist, is a directory, cannot be read or is not UTF-8
     */
    public static String readText(String name) throws UnreadableInputException {
        try (InputStream in = open(name, InputStream.nullInputStream())) {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableInputException("Cannot read " + name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UnreadableInputException("Cannot read " + name + ": " + e.getMessage());
        }
    }

    /** Closes an input that was only read: a failure to close cannot lose anything, so it is ignored. */
    public static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }

    /** @return how to name the input in messages: the file name, or {@code <stdin>} */
    public static String displayName(String name) {
        return name.equals("-") ? "<stdin>" : name;
    }
}
