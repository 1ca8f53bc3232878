package no.pgx.rules.model;

/** Fact: a drug being assessed. (Transitional skeleton for the rule base.) */
public record OrderedDrug(String drug) {
}
