/**
 * <b>Internal, not API, may change without notice.</b> Use {@link no.pgx.engine.PgxEngine#assess} instead.
 *
 * <p>The texts of an assessment: {@link no.pgx.engine.assess.text.FindingAssembler} turns the candidates the rules
 * select into {@link no.pgx.engine.Finding}s with their Bokmål and English summaries and details, and
 * {@link no.pgx.engine.assess.text.AdviceWriter} writes the one piece of advice per drug (headline, detail, checked
 * alternatives, dose facts). {@link no.pgx.engine.assess.text.FindingTexts} holds the message templates and the
 * vocabulary labels, {@link no.pgx.engine.assess.text.MarkdownText} escapes values from the input, and
 * {@link no.pgx.engine.assess.text.ProvenanceMask} lets texts be cached without a patient's test date and lab. Members
 * are public only so that the pipeline in {@code no.pgx.engine.assess} can use them.
 */
package no.pgx.engine.assess.text;
