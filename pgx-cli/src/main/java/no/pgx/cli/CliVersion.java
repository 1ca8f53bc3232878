package no.pgx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version shown by {@code pgx-cli --version}, written into {@code version.properties} by the build. */
final class CliVersion {
    private CliVersion() {
    }

    /** @return e.g. {@code pgx-cli 0.1.0}; {@code pgx-cli (version unknown)} when the build did not record it */
    static String text() {
        Properties p = new Properties();
        try (InputStream in = CliVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version to show is not worth failing --version for
        }
        String version = p.getProperty("version", "");
        return "pgx-cli " + (version.isEmpty() || version.startsWith("${") ? "(version unknown)" : version);
    }
}
