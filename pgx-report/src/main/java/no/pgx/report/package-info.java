/**
 * A printable pharmacogenomic summary per patient: {@link no.pgx.report.PatientReport} turns an engine
 * {@link no.pgx.engine.Assessment} into HTML that prints on A4 and into PDF (Apache PDFBox), in Norwegian Bokmål by
 * default or English. It holds the lab's results, per actionable result the drugs and drug classes affected and what to
 * do (with source and knowledge version), a line for the genes tested with a normal result, and a wallet-card page.
 */
package no.pgx.report;
