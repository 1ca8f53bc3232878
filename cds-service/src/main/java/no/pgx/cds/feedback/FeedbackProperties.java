package no.pgx.cds.feedback;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where issued cards and feedback are kept ({@code pgx.feedback.*}).
 *
 * @param dir                    directory of the embedded H2 database file ({@code pgx-cds.mv.db}); created when
 *                               missing. Default {@code ./pgx-cds-data} (relative to the working directory)
 * @param jdbcUrl                a full JDBC URL instead of {@code dir}: PostgreSQL ({@code jdbc:postgresql://db/pgx})
 *                               for several instances, or an H2 server; empty means the embedded file under {@code dir}
 * @param username               database user
 * @param password               database password
 * @param issuedCardRetention    how long issued cards stay acceptable targets for feedback (then deleted)
 * @param feedbackRetention      how long feedback is kept (then deleted)
 * @param retentionInterval      how often the retention job runs while the service runs (also once at start)
 * @param maxUserCommentLength   longest {@code overrideReason.userComment} accepted
 * @param maxPoolSize            most database connections of this instance
 * @param commitTimeout          longest a call waits for its write to be committed before it fails (503)
 */
@ConfigurationProperties("pgx.feedback")
public record FeedbackProperties(@DefaultValue("./pgx-cds-data") Path dir,
                                 @DefaultValue("") String jdbcUrl,
                                 @DefaultValue("sa") String username,
                                 @DefaultValue("") String password,
                                 @DefaultValue("180d") Duration issuedCardRetention,
                                 @DefaultValue("730d") Duration feedbackRetention,
                                 @DefaultValue("1h") Duration retentionInterval,
                                 @DefaultValue("2000") int maxUserCommentLength,
                                 @DefaultValue("8") int maxPoolSize,
                                 @DefaultValue("5s") Duration commitTimeout) {

    /** Defaults for an embedded store in {@code dir} (tests, tools). */
    public static FeedbackProperties embedded(Path dir) {
        return new FeedbackProperties(dir, "", "sa", "", Duration.ofDays(180), Duration.ofDays(730),
                Duration.ofHours(1), 2000, 8, Duration.ofSeconds(5));
    }

    /** The same settings with another JDBC URL, user and password. */
    public FeedbackProperties withJdbc(String url, String user, String pass) {
        return new FeedbackProperties(dir, url, user, pass, issuedCardRetention, feedbackRetention, retentionInterval,
                maxUserCommentLength, maxPoolSize, commitTimeout);
    }

    /** The same settings with other retention periods. */
    public FeedbackProperties withRetention(Duration cards, Duration feedback) {
        return new FeedbackProperties(dir, jdbcUrl, username, password, cards, feedback, retentionInterval,
                maxUserCommentLength, maxPoolSize, commitTimeout);
    }
}
