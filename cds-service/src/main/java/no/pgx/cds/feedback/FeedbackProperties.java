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
 * @param jdbcUrl                a full JDBC URL instead of {@code dir} (e.g. an H2 server, {@code
 *                               jdbc:h2:tcp://db-host/pgx-cds}); empty means the embedded file under {@code dir}
 * @param username               database user
 * @param password               database password
 * @param issuedCardRetention    how long issued cards stay acceptable targets for feedback
 * @param maxUserCommentLength   longest {@code overrideReason.userComment} accepted
 */
@ConfigurationProperties("pgx.feedback")
public record FeedbackProperties(@DefaultValue("./pgx-cds-data") Path dir,
                                 @DefaultValue("") String jdbcUrl,
                                 @DefaultValue("sa") String username,
                                 @DefaultValue("") String password,
                                 @DefaultValue("180d") Duration issuedCardRetention,
                                 @DefaultValue("2000") int maxUserCommentLength) {
}
